// Copies the data-tier sample (its project file and templates) into this project, so the build lints
// the sample exactly as it is committed, and writes a team rule file the POM names in <ruleFiles>.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.nio.file.StandardCopyOption

void copy(Path from, Path to) {
    Files.walk(from).each { p ->
        Path target = to.resolve(from.relativize(p).toString())
        if (Files.isDirectory(p)) {
            Files.createDirectories(target)
        } else {
            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}

Path sample = Paths.get(samplesDir, "data-tier")
[".regionlint.yaml", "templates"].each { copy(sample.resolve(it), basedir.toPath().resolve(it)) }
Files.createDirectories(basedir.toPath().resolve("policy"))
Files.writeString(basedir.toPath().resolve("policy/team.rlr"), """\
rule ACME-101 {
  severity warning
  summary "Every Aurora DB cluster keeps backups for the longest period Aurora allows, 35 days"
  message "DB cluster {resource} keeps backups for {Properties.BackupRetentionPeriod} days; set BackupRetentionPeriod: 35"
  select "AWS::RDS::DBCluster"
  require Properties.BackupRetentionPeriod >= 35
}
""")
return true
