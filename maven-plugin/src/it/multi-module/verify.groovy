// every module inherits the plugin: the parent lints its own project, app its own, lib has none
// and is skipped (no search upward that would lint the parent's project again)
String text = new File(basedir, "build.log").getText("UTF-8")
assert text.contains("BUILD SUCCESS")
assert !text.contains("thread-safe") && !text.contains("@threadSafe") : "the goal must be marked thread-safe"
File lib = new File(basedir, "lib").getCanonicalFile()
assert text.contains("[INFO] regionlint: skipped: no .regionlint.yaml in " + lib)
assert !new File(lib, "target/regionlint").exists()
def summaries = text.readLines().findAll { it.contains("regionlint: ") && it.contains(" resources: ") }
assert summaries.size() == 2 : summaries.join("\n")
// the parent lints all-correct (no error), app lints data-tier: each summary is its own module's
// JSON report (the counts follow the samples as they grow)
def slurper = new groovy.json.JsonSlurper()
def parent = slurper.parse(new File(basedir, "target/regionlint/regionlint.json")).summary
def appSummary = slurper.parse(new File(basedir, "app/target/regionlint/regionlint.json")).summary
assert parent.error == 0 && appSummary.error > 0
assert summaries[0].contains("${parent.files} files, ${parent.stacks} stacks, ${parent.resources} resources: 0 errors") :
        "the parent lints all-correct"
assert summaries[1].contains("${appSummary.files} files, ${appSummary.stacks} stacks, ${appSummary.resources} "
        + "resources: ${appSummary.error} errors") : "app lints data-tier"
File app = new File(basedir, "app").getCanonicalFile()
assert text.contains("[ERROR] " + new File(app, "templates").getPath())
assert new File(app, "target/regionlint/regionlint.sarif").isFile()
assert new File(basedir, "target/regionlint/regionlint.sarif").isFile()
return true
