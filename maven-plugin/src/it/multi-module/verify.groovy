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
assert summaries[0].contains("4 files, 7 stacks, 33 resources: 0 errors") : "the parent lints all-correct"
assert summaries[1].contains("4 files, 9 stacks, 29 resources: 8 errors") : "app lints data-tier"
File app = new File(basedir, "app").getCanonicalFile()
assert text.contains("[ERROR] " + new File(app, "templates").getPath())
assert new File(app, "target/regionlint/regionlint.sarif").isFile()
assert new File(basedir, "target/regionlint/regionlint.sarif").isFile()
return true
