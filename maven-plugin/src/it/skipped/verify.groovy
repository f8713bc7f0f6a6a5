// -Dregionlint.skip=true: nothing is linted, nothing written, the build passes
String text = new File(basedir, "build.log").getText("UTF-8")
assert text.contains("[INFO] regionlint: skipped (regionlint.skip)")
assert !text.contains("RL2001")
assert text.contains("BUILD SUCCESS")
assert !new File(basedir, "target/regionlint").exists()
return true
