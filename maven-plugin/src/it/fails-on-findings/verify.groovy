// two-region-app: each finding logged in compiler style at its severity's level, then a failure
// that says how many findings and where the report is
String text = new File(basedir, "build.log").getText("UTF-8")
String logs = new File(basedir, "templates/logs.yaml").getCanonicalPath()
String media = new File(basedir, "templates/media.yaml").getCanonicalPath()
assert text.contains("[ERROR] " + logs + ":94:13: Bucket 'acme-audit-trail-eu-west-1-111122223333' (eu-west-1) encrypts") :
        "compiler-style error line missing"
assert text.contains("[WARNING] " + logs + ":94:13: Buckets 'acme-audit-trail-eu-west-1-111122223333' (eu-west-1) and") :
        "a warning is logged at WARNING"
assert text =~ /\[ERROR\] \Q${media}\E:61:25: .* \[RL2001 s3-replication-not-bidirectional\]/
String report = new File(basedir, "target/regionlint/regionlint.sarif").getCanonicalPath()
// how many: from the JSON report, so the build follows the sample as it grows
int errors = new groovy.json.JsonSlurper().parse(new File(basedir, "target/regionlint/regionlint.json")).summary.error
assert errors > 0
assert text.contains("regionlint: " + errors + " findings at or above error (failOn=error); the report is " + report) :
        "failure message missing"
assert text.contains("BUILD FAILURE")
assert new File(report).isFile()
assert new File(basedir, "target/regionlint/regionlint.json").getText("UTF-8").contains('"RL2001"')
return true
