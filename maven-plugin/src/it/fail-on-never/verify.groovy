// data-tier with failOn=never: the findings are logged and reported, the build passes, and the
// SARIF has the shape GitHub code scanning reads
import groovy.json.JsonSlurper

String text = new File(basedir, "build.log").getText("UTF-8")
assert text.contains("BUILD SUCCESS")
File dir = new File(basedir, "target/regionlint")
// the counts come from the JSON report, so the build follows the sample as it grows
def json = new JsonSlurper().parse(new File(dir, "regionlint.json"))
def summary = json.summary
assert summary.error > 0 && summary.warning > 0
assert text.contains("regionlint: ${summary.files} files, ${summary.stacks} stacks, ${summary.resources} resources: "
        + "${summary.error} errors, ${summary.warning} warnings, ${summary.note} notes")
assert text.contains("[ERROR] " + new File(basedir, "templates").getCanonicalPath())

def sarif = new JsonSlurper().parse(new File(dir, "regionlint.sarif"))
assert sarif.version == "2.1.0"
assert sarif['$schema'].contains("sarif")
assert sarif.runs.size() == 1
def run = sarif.runs[0]
assert run.tool.driver.name == "regionlint"
assert run.tool.driver.version
def rules = run.tool.driver.rules
assert rules.findAll { it.id ==~ /RL\d{4}/ }.every { it.name && it.shortDescription.text && it.helpUri }
// the team rule of <ruleFiles> ran and is described with its help text
def team = rules.find { it.id == "ACME-101" }
assert team && team.help.text.contains("policy/team.rlr")
assert run.results.any { it.ruleId == "ACME-101" }
assert run.results.size() == json.findings.size()
run.results.each { r ->
    assert rules[r.ruleIndex].id == r.ruleId
    assert r.level in ["error", "warning", "note"]
    assert r.message.text
    def location = r.locations[0].physicalLocation
    // relative to the module, under the %SRCROOT% base: templates/... or the project file
    assert location.artifactLocation.uri ==~ /(templates\/[a-z]+\.yaml|\.regionlint\.yaml)/
    assert location.artifactLocation.uriBaseId
    assert location.region.startLine > 0 && location.region.startColumn > 0
    assert r.partialFingerprints.values().every { it }
}
assert run.results.count { it.level == "error" } == summary.error
assert new File(dir, "regionlint.txt").getText("UTF-8").contains("${summary.error} errors")
return true
