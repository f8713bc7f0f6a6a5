// Copies the two-region-app sample (its project file and templates) into this project, so the build lints
// the sample exactly as it is committed.
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

Path sample = Paths.get(samplesDir, "two-region-app")
[".regionlint.yaml", "templates"].each { copy(sample.resolve(it), basedir.toPath().resolve(it)) }
return true
