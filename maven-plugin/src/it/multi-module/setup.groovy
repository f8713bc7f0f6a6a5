// Copies the all-correct and data-tier sample (its project file and templates) into this project, so the build lints
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

Path root = basedir.toPath()
// the parent module is one project, the app module another; lib has no project file of its own
[".regionlint.yaml", "templates"].each {
    copy(Paths.get(samplesDir, "all-correct").resolve(it), root.resolve(it))
    copy(Paths.get(samplesDir, "data-tier").resolve(it), root.resolve("app").resolve(it))
}
return true
