// all-correct: no finding at or above error; both reports written; the summary names the project's size
File log = new File(basedir, "build.log")
String text = log.getText("UTF-8")
assert text.contains("[INFO] regionlint: 4 files, 7 stacks, 33 resources: 0 errors, 0 warnings, 0 notes; reports in "
        + new File(basedir, "target/regionlint")) : "summary line missing"
assert text.contains("BUILD SUCCESS")
assert new File(basedir, "target/regionlint/regionlint.sarif").isFile()
assert new File(basedir, "target/regionlint/regionlint.json").isFile()
assert !new File(basedir, "target/regionlint/regionlint.txt").exists() : "text is written only when asked for"
return true
