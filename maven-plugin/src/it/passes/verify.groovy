// all-correct: no finding at or above error; both reports written; the summary names the project's size
File log = new File(basedir, "build.log")
String text = log.getText("UTF-8")
// the size comes from the JSON report, so the build follows the sample as it grows
def s = new groovy.json.JsonSlurper().parse(new File(basedir, "target/regionlint/regionlint.json")).summary
assert s.files > 0 && s.stacks > 0 && s.resources > 0
assert text.contains("[INFO] regionlint: ${s.files} files, ${s.stacks} stacks, ${s.resources} resources: 0 errors, "
        + "0 warnings, 0 notes; reports in " + new File(basedir, "target/regionlint")) : "summary line missing"
assert text.contains("BUILD SUCCESS")
assert new File(basedir, "target/regionlint/regionlint.sarif").isFile()
assert new File(basedir, "target/regionlint/regionlint.json").isFile()
assert !new File(basedir, "target/regionlint/regionlint.txt").exists() : "text is written only when asked for"
return true
