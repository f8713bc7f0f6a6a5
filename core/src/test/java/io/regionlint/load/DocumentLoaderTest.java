package io.regionlint.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The load stage's promises: hostile or broken input costs an {@link InputError} naming the file
 * and place, never an exception or a hang; well-formed input keeps every node's position.
 */
class DocumentLoaderTest {

    private final DocumentLoader loader = new DocumentLoader();

    @TempDir
    Path dir;

    // ---- limits: hostile input ------------------------------------------------------------------

    @Test
    void yamlAliasBombIsRejectedWithoutExpanding() {
        // "billion laughs": 9 levels of 9 aliases would expand to 9^9 (387 million) strings
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*l" + (level - 1);
            yaml.append('l').append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        InputError error = yamlError(yaml.toString());
        assertTrue(error.message().toLowerCase(java.util.Locale.ROOT).contains("aliases"), error.message());
        assertEquals("t.yaml", error.file());
    }

    @Test
    void deeplyNestedYamlIsRejectedWithoutStackOverflowAtTheLevelTooDeep() {
        // the root mapping is level 1, so the 200th '[' opens level 201
        String yaml = "Description: deep\nResources: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        InputError error = yamlError(yaml);
        assertEquals("nesting deeper than 200 levels of mappings and lists starts here", error.message());
        assertEquals(2, error.line());
        assertEquals("Resources: ".length() + 200, error.column());
    }

    @Test
    void deeplyNestedBlockYamlIsReportedAtTheLevelTooDeep() {
        StringBuilder yaml = new StringBuilder();
        for (int level = 0; level < 210; level++) {
            yaml.append(" ".repeat(level)).append("k").append(level).append(":\n");
        }
        InputError error = yamlError(yaml.append(" ".repeat(210)).append("leaf\n").toString());
        assertEquals("nesting deeper than 200 levels of mappings and lists starts here", error.message());
        assertEquals(201, error.line()); // the mapping of key k199, level 201
        assertEquals(201, error.column());
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutStackOverflowAtTheLevelTooDeep() {
        String json = "{\n  \"Resources\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        InputError error = jsonError(json);
        assertEquals("nesting deeper than 200 levels of objects and lists starts here", error.message());
        assertEquals(2, error.line());
        assertEquals("  \"Resources\": ".length() + 200, error.column());
    }

    @Test
    void tooManyAliasesAreReportedAtTheFirstOneOverTheLimit() {
        StringBuilder yaml = new StringBuilder("base: &b {a: 1}\nuses:\n");
        for (int i = 0; i < 101; i++) {
            yaml.append("  - *b\n");
        }
        InputError error = yamlError(yaml.toString());
        assertEquals("more than 100 YAML aliases to mappings and lists (an alias bomb?); write the repeated parts"
                + " out", error.message());
        assertEquals(103, error.line()); // the 101st alias
        assertEquals(5, error.column());
    }

    @Test
    void fileLargerThanTheLimitIsRejectedBySizeBeforeReading() throws IOException {
        Path big = dir.resolve("big.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (long written = 0; written < 20L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        InputError error = loadError(big);
        assertTrue(error.message().contains("larger than the limit of " + Limits.DEFAULT.maxFileBytes()),
                error.message());
        assertEquals(1, error.line());
    }

    @Test
    void nulBytesMakeAFileUnreadableAtTheirPlace() throws IOException {
        Path file = dir.resolve("nul.yaml");
        Files.write(file, "Resources:\n  A: {Type: X}\u0000\n".getBytes(StandardCharsets.UTF_8));
        InputError error = loadError(file);
        assertEquals("a NUL byte: this is not a text file (or not UTF-8 text)", error.message());
        assertEquals(2, error.line());
        assertEquals(15, error.column());
    }

    @Test
    void invalidUtf8IsReportedAtTheFirstBadByte() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "Resources: {}\n# d\u00e9j\u00e0 vu\nDescription: caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        InputError error = loadError(file);
        assertEquals("byte 0xE9 is not valid UTF-8 (the file looks like Latin-1 or Windows-1252 text): save it as"
                + " UTF-8", error.message());
        assertEquals(2, error.line());
        assertEquals(4, error.column());
    }

    @Test
    void invalidUtf8ColumnsCountCharactersNotBytes() throws IOException {
        Path file = dir.resolve("mixed.yaml");
        byte[] good = "Description: \u00e9t\u00e9 ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 2);
        bytes[good.length] = (byte) 0xE9;
        bytes[good.length + 1] = '\n';
        Files.write(file, bytes);
        InputError error = loadError(file);
        assertEquals(1, error.line());
        assertEquals("Description: \u00e9t\u00e9 ".length() + 1, error.column());
    }

    @Test
    void utf16IsNamedAsSuch() throws IOException {
        Path file = dir.resolve("utf16.yaml");
        Files.write(file, "\uFEFFResources: {}\n".getBytes(StandardCharsets.UTF_16LE));
        InputError error = loadError(file);
        assertTrue(error.message().startsWith("the file is UTF-16 text"), error.message());
        assertEquals(1, error.line());
    }

    @Test
    void controlCharacterInYamlIsReportedAtItsPlaceInOurWords() {
        InputError error = yamlError("Resources: {}\nDescription: caf\u00e9 \u0007 bell\n");
        assertEquals("character U+0007 is not allowed in YAML text (control characters must be written as"
                + " escapes in double-quoted text)", error.message());
        assertEquals(2, error.line());
        assertEquals(19, error.column());
    }

    @Test
    void anUnreadableFileSaysWhyNotJustItsPath() {
        // the JDK's exceptions for these carry only the path, which the error names already
        assertEquals("permission denied", DocumentLoader.why(new java.nio.file.AccessDeniedException("/t/a.yaml")));
        assertEquals("no such file", DocumentLoader.why(new java.nio.file.NoSuchFileException("/t/a.yaml")));
        assertEquals("Is a directory", DocumentLoader.why(new java.nio.file.FileSystemException("/t/a.yaml", null,
                "Is a directory")));
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        Path file = dir.resolve("bom.json");
        Files.write(file, "\uFEFF{\"Resources\": {}}".getBytes(StandardCharsets.UTF_8));
        MapNode root = (MapNode) loadDocument(file).root();
        assertTrue(root.get("Resources").isPresent());
    }

    // ---- syntax and structure errors ------------------------------------------------------------

    @Test
    void duplicateYamlKeyKeepsTheLastValueAndIsRecordedWithBothPlaces() {
        Document document = yamlDocument("""
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                    Properties: {BucketName: first}
                  Data:
                    Type: AWS::S3::Bucket
                    Properties: {BucketName: second}
                  Logs:
                    Type: AWS::S3::Bucket
                """);
        MapNode resources = (MapNode) ((MapNode) document.root()).get("Resources").orElseThrow();
        assertEquals(List.of("Data", "Logs"), List.copyOf(resources.entries().keySet()));
        MapNode data = (MapNode) resources.get("Data").orElseThrow();
        assertEquals("second", scalar((MapNode) data.get("Properties").orElseThrow(), "BucketName").value());
        assertEquals(5, resources.keyRange("Data").line(), "the key's range is the one whose value was kept");
        Defect defect = onlyDefect(document);
        assertEquals(Defect.Kind.DUPLICATE_KEY, defect.kind());
        assertEquals(new SourceRange("t.yaml", 5, 3, 5, 7), defect.range());
        assertEquals(new SourceRange("t.yaml", 2, 3, 2, 7), defect.related().orElseThrow().range());
        assertEquals("/Resources/Data", defect.pointer());
        assertEquals("Key 'Data' appears twice in /Resources; CloudFormation keeps the last value and ignores"
                + " the first, so the first is not checked either: delete or rename one of them", defect.message());
    }

    @Test
    void duplicateJsonKeyKeepsTheLastValueAndIsRecordedWithBothPlaces() {
        Document document = jsonDocument("""
                {
                  "Resources": {
                    "Data": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "first"}},
                    "Data": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "second"}}
                  }
                }
                """);
        MapNode resources = (MapNode) ((MapNode) document.root()).get("Resources").orElseThrow();
        MapNode data = (MapNode) resources.get("Data").orElseThrow();
        assertEquals("second", scalar((MapNode) data.get("Properties").orElseThrow(), "BucketName").value());
        Defect defect = onlyDefect(document);
        assertEquals(Defect.Kind.DUPLICATE_KEY, defect.kind());
        assertEquals(4, defect.range().line());
        assertEquals(5, defect.range().column());
        assertEquals(3, defect.related().orElseThrow().range().line());
        assertEquals(5, defect.related().orElseThrow().range().column());
        assertTrue(defect.message().startsWith("Key 'Data' appears twice in /Resources;"), defect.message());
    }

    @Test
    void aKeyRepeatedThreeTimesGivesTwoDefectsEachNamingTheOccurrenceBefore() {
        Document document = jsonDocument("""
                {"Resources": {
                  "Topic": {"Type": "AWS::SNS::Topic"},
                  "Topic": {"Type": "AWS::SQS::Queue"},
                  "Topic": {"Type": "AWS::S3::Bucket"}
                }}
                """);
        assertEquals(2, document.defects().size(), document.defects().toString());
        Defect second = document.defects().get(0);
        Defect third = document.defects().get(1);
        assertEquals(List.of(3, 2), List.of(second.range().line(), second.related().orElseThrow().range().line()));
        assertEquals(List.of(4, 3), List.of(third.range().line(), third.related().orElseThrow().range().line()));
        assertTrue(second.message().startsWith("Key 'Topic' appears twice in /Resources;"), second.message());
        assertEquals("Key 'Topic' appears 3 times in /Resources; CloudFormation keeps the last value and ignores the"
                + " earlier ones, so the earlier ones are not checked either: delete or rename all but one of them",
                third.message());
        assertEquals("earlier 'Topic', ignored", third.related().orElseThrow().message());
        MapNode resources = (MapNode) ((MapNode) document.root()).get("Resources").orElseThrow();
        assertEquals("AWS::S3::Bucket", scalar((MapNode) resources.get("Topic").orElseThrow(), "Type").value());
    }

    @Test
    void duplicateKeyInsideAnAliasedMappingCountsOnce() {
        Document document = yamlDocument("base: &b {a: 1, a: 2}\nuse: *b\nagain: *b\n");
        assertEquals(1, document.defects().size(), document.defects().toString());
        assertEquals(1, document.defects().get(0).range().line());
    }

    @Test
    void resourcesWithoutAUsableTypeAreRecordedOneEach() {
        Document document = yamlDocument("""
                Resources:
                  Good:
                    Type: AWS::S3::Bucket
                  Missing:
                    Properties: {}
                  Computed:
                    Type: !If [Cond, AWS::S3::Bucket, AWS::SQS::Queue]
                  Number:
                    Type: 42
                  Scalar: AWS::S3::Bucket
                  Fn::ForEach::Loop: [X, [A], {"${X}": {Type: AWS::SNS::Topic}}]
                """);
        List<String> messages = document.defects().stream().map(Defect::message).toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("Resource 'Missing' has no Type, so CloudFormation would reject"),
                messages.get(0));
        assertTrue(messages.get(1).startsWith("Resource 'Computed' computes its Type with Fn::If (CloudFormation"
                + " accepts only a literal type name)"), messages.get(1));
        assertTrue(messages.get(2).startsWith("Resource 'Number' has a Type that is a number, not a type name"),
                messages.get(2));
        assertTrue(messages.get(3).startsWith("Resource 'Scalar' is text, not a mapping with a Type"),
                messages.get(3));
        assertEquals(List.of(4, 6, 8, 10), document.defects().stream().map(d -> d.range().line()).toList());
        assertTrue(document.defects().stream().allMatch(d -> d.kind() == Defect.Kind.RESOURCE_TYPE_MISSING));
    }

    @Test
    void unknownTagIsReportedAtItsLine() {
        InputError error = yamlError("""
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Foo bar
                """);
        assertEquals(5, error.line());
        assertEquals(19, error.column());
        assertTrue(error.message().contains("unknown YAML tag '!Foo'"), error.message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Value: !!python/object/apply:os.system [echo hi]|!!python/object/apply:os.system",
        "Value: !!python/object:__main__.Thing {a: 1}|!!python/object:__main__.Thing",
        "Value: !!java.net.URL [http://example.com]|!!java.net.URL",
        "Value: !!javax.script.ScriptEngineManager [x]|!!javax.script.ScriptEngineManager",
        "Value: !!set {a: null}|!!set",
        "Value: !<tag:example.com,2024:thing> x|tag:example.com,2024:thing",
    })
    void languageAndUnusualStandardTagsAreRejectedNotInterpreted(String yaml, String tag) {
        InputError error = yamlError("Resources: {}\n" + yaml + "\n");
        assertEquals(2, error.line());
        assertEquals(8, error.column());
        assertTrue(error.message().contains("unknown YAML tag '" + tag + "'"), error.message());
    }

    @Test
    void plainStandardTagsStillWork() {
        MapNode root = yamlRoot("A: !!str 123\nB: !!int \"7\"\nC: !!map {x: 1}\nD: !!seq [1]\nE: !!bool 'true'\n");
        assertEquals("123", scalar(root, "A").value());
        assertEquals(7L, scalar(root, "B").value());
        assertInstanceOf(MapNode.class, root.get("C").orElseThrow());
        assertInstanceOf(ListNode.class, root.get("D").orElseThrow());
        assertEquals(true, scalar(root, "E").value());
    }

    @Test
    void yamlSyntaxErrorNamesLineAndColumn() {
        InputError error = yamlError("Resources:\n  Data:\n    Type: [unclosed\n  Other: x\n");
        assertEquals("YAML syntax: the list opened with '[' at line 3, column 11 is not closed here: a ',' or ']'"
                + " is missing", error.message());
        assertEquals(4, error.line());
    }

    @Test
    void jsonSyntaxErrorNamesLineAndColumn() {
        InputError error = jsonError("{\n  \"Resources\": {\n    \"Data\": {\"Type\" \"AWS::S3::Bucket\"}\n  }\n}\n");
        assertEquals(3, error.line());
        assertEquals(21, error.column());
        assertEquals("JSON syntax: a ':' is missing between a key and its value (found '\"')", error.message());
    }

    /** Each family of SnakeYAML messages, in our words and at the place SnakeYAML found it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "A: b: c\\n|1|5|a ':' followed by a space starts a key where none can start: quote a value that contains ': ', or fix the indentation",
        "A:\\n  B: x\\n C: y\\n|3|2|this line does not fit the mapping that starts at line 1, column 1: line it up with the entries above it, or indent it further to nest it",
        "A: 'unclosed\\n|2|1|the quoted text that starts at line 1, column 4 is never closed",
        "A: *nope\\n|1|4|alias '*nope' refers to no anchor '&nope' defined before it",
        "A:\\n\\t- x\\n|2|1|a tab character used for indentation; YAML indents with spaces only",
        "A: b\\n- c\\n|2|1|a list item ('-') where the mapping that starts at line 1, column 1 expects a key: indent it under the key it belongs to",
        "A: 1\\n---\\nB: 2\\n|2|1|a second YAML document starts here ('---'); a template is one document",
        "A: {x: 1\\n|2|1|the mapping opened with '{' at line 1, column 4 is not closed here: a ',' or '}' is missing",
        "A: \"bad \\q escape\"\\n|1|10|'\\q' is not an escape in double-quoted text: write '\\\\q' or use single quotes",
        "key: @x\\n|1|6|'@' cannot start a plain value: put the value in quotes",
        "A: [a, b]]\\n|1|10|']' closes nothing: no '[' is open here",
        "A: x\\nB\\n|3|1|the key that starts at line 2, column 1 has no ':' (or a plain value continues on a line indented like a key)",
        "`  A: 1\\nB: 2\\n`|2|1|this key is indented less than the keys before it: the keys of one mapping line up (check the indentation of the first lines)",
        "A:\\n  B: > x\\n|2|8|`a '|' or '>' must end its line: the text it introduces starts on the next line, indented`",
        "A:\\n  B:\\n    }x: 1\\n|3|5|'}' cannot start a value: quote the value, or remove the stray character",
        "A:\\n  -\\n  B: 1\\n|3|3|a key where a value was expected: indent the value further than the '-' or key it belongs to",
    })
    void yamlSyntaxMessagesAreOursAtTheRealPlace(String yaml, int line, int column, String message) {
        InputError error = yamlError(yaml.replace("\\n", "\n").replace("\\t", "\t"));
        assertEquals("YAML syntax: " + message, error.message());
        assertEquals(line + ":" + column, error.line() + ":" + error.column());
    }

    /** Each family of Jackson messages, in our words; none names a Jackson feature or code point. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"A\": 1 // c\\n}|1|9|JSON does not allow comments (CloudFormation JSON templates cannot hold them; YAML can)",
        "{\"A\": /* c */ 1}|1|7|JSON does not allow comments (CloudFormation JSON templates cannot hold them; YAML can)",
        "{\"A\": 1 # c\\n}|1|9|JSON does not allow comments (CloudFormation JSON templates cannot hold them; YAML can)",
        "{\"A\": 1, }|1|10|a ',' before '}': JSON allows no comma after the last entry",
        "{\"A\": 1 \"B\": 2}|1|9|a ',' is missing between two entries of an object (found '\"')",
        "{'A': 1}|1|2|keys need double quotes in JSON, not single quotes",
        "{A: 1}|1|2|a key must be text in double quotes, found 'A'",
        "{\"A\": tru}|1|7|'tru' is not a JSON value: quote text with '\"'; the literals are true, false and null",
        "{\"A\": 01}|1|8|a number may not start with 0 in JSON: write it without the zero, or quote it",
        "{\"A\": [1, 2}|1|12|'}' where ']' should close the list still open",
        "{\"A\": 1}}|1|9|'}' closes nothing: no '{' is open here",
        "{\"A\": |1|6|the file ends before the JSON document does: a '}' or ']' is missing",
        "{\"A\": \"unterminated|1|20|the file ends inside a string: a closing '\"' is missing",
        "{\"A\": NaN}|1|10|'NaN' is not a JSON value: quote text with '\"'; the literals are true, false and null",
        "{\"A\": \"\\q\"}|1|9|'\\q' is not a JSON escape: write '\\\\q' for a backslash",
        "{\"A\": [1,]}|1|10|a ',' before ']': JSON allows no comma after the last item",
    })
    void jsonSyntaxMessagesAreOursAtTheRealPlace(String json, int line, int column, String message) {
        InputError error = jsonError(json.replace("\\n", "\n"));
        assertEquals("JSON syntax: " + message, error.message());
        assertEquals(line + ":" + column, error.line() + ":" + error.column());
        assertTrue(!error.message().contains("Feature") && !error.message().contains("code "), error.message());
    }

    @Test
    void controlCharacterInAJsonStringIsNamed() {
        InputError error = jsonError("{\"A\": \"x\ty\"}");
        assertEquals("JSON syntax: a tab inside a string must be escaped (\\t, \\n, \\u00XX)", error.message());
        assertEquals(1, error.line());
    }

    @Test
    void overlongJsonNumberIsNotCalledNesting() {
        InputError error = jsonError("{\n  \"A\": " + "1".repeat(2000) + "}");
        assertEquals("a number or string here is longer than JSON input may be", error.message());
        assertEquals(2, error.line());
    }

    @Test
    void trailingContentAfterJsonIsAnError() {
        InputError error = jsonError("{\"Resources\": {}}\n{\"More\": 1}\n");
        assertEquals(2, error.line());
        assertTrue(error.message().contains("after the JSON document"), error.message());
    }

    @Test
    void nonScalarYamlKeyIsAnError() {
        InputError error = yamlError("Resources:\n  ? [a, b]\n  : x\n");
        assertEquals(2, error.line());
        assertTrue(error.message().contains("plain scalar"), error.message());
    }

    // ---- short forms ------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "!Ref|Ref",
        "!Condition|Condition",
        "!GetAtt|Fn::GetAtt",
        "!Sub|Fn::Sub",
        "!Join|Fn::Join",
        "!If|Fn::If",
        "!Equals|Fn::Equals",
        "!And|Fn::And",
        "!Or|Fn::Or",
        "!Not|Fn::Not",
        "!FindInMap|Fn::FindInMap",
        "!Select|Fn::Select",
        "!Split|Fn::Split",
        "!ImportValue|Fn::ImportValue",
        "!GetAZs|Fn::GetAZs",
        "!Base64|Fn::Base64",
        "!Cidr|Fn::Cidr",
        "!Transform|Fn::Transform",
        "!ToJsonString|Fn::ToJsonString",
        "!Length|Fn::Length",
        "!Contains|Fn::Contains",
        "!EachMemberEquals|Fn::EachMemberEquals",
        "!EachMemberIn|Fn::EachMemberIn",
        "!RefAll|Fn::RefAll",
        "!ValueOf|Fn::ValueOf",
        "!ValueOfAll|Fn::ValueOfAll",
    })
    void everyShortFormExpandsToItsLongForm(String tag, String longForm) {
        MapNode root = yamlRoot("Scalar: " + tag + " x\nSequence: " + tag + " [a, b]\nMapping: " + tag + " {k: v}\n");
        MapNode scalar = assertInstanceOf(MapNode.class, root.get("Scalar").orElseThrow());
        assertEquals(List.of(longForm), List.copyOf(scalar.entries().keySet()));
        assertEquals("/Scalar/" + longForm.replace("/", "~1"), scalar.entries().get(longForm).pointer());
        MapNode sequence = assertInstanceOf(MapNode.class, root.get("Sequence").orElseThrow());
        ListNode items = assertInstanceOf(ListNode.class, sequence.entries().get(longForm));
        assertEquals(List.of("a", "b"), items.items().stream().map(n -> ((ScalarNode) n).text()).toList());
        MapNode mapping = assertInstanceOf(MapNode.class, root.get("Mapping").orElseThrow());
        MapNode inner = assertInstanceOf(MapNode.class, mapping.entries().get(longForm));
        assertEquals("v", ((ScalarNode) inner.get("k").orElseThrow()).text());
    }

    @Test
    void getAttShortFormSplitsAtTheFirstDotOnly() {
        MapNode root = yamlRoot("A: !GetAtt Db.Endpoint.Address\nB: !GetAtt [Db, Endpoint.Port]\nC: !GetAtt Bucket\n");
        assertEquals(List.of("Db", "Endpoint.Address"), getAttArgs(root, "A"));
        assertEquals(List.of("Db", "Endpoint.Port"), getAttArgs(root, "B"));
        assertEquals(List.of("Bucket"), getAttArgs(root, "C"));
        ListNode args = (ListNode) ((MapNode) root.get("A").orElseThrow()).entries().get("Fn::GetAtt");
        assertEquals("/A/Fn::GetAtt/1", args.items().get(1).pointer());
    }

    @Test
    void shortFormsNestInsideEachOther() {
        MapNode root = yamlRoot("Name: !Join ['-', [!Ref Prefix, !Select [0, !Split [',', !Ref List]]]]\n");
        MapNode join = (MapNode) root.get("Name").orElseThrow();
        ListNode args = (ListNode) join.entries().get("Fn::Join");
        ListNode parts = (ListNode) args.items().get(1);
        assertEquals(Map.of("Ref", "Prefix"), Map.of("Ref", ((ScalarNode) ((MapNode) parts.items().get(0))
                .entries().get("Ref")).text()));
        MapNode select = (MapNode) parts.items().get(1);
        ListNode selectArgs = (ListNode) select.entries().get("Fn::Select");
        assertTrue(((MapNode) selectArgs.items().get(1)).get("Fn::Split").isPresent());
        assertEquals("/Name/Fn::Join/1/1/Fn::Select/1/Fn::Split", ((MapNode) selectArgs.items().get(1))
                .entries().get("Fn::Split").pointer());
    }

    // ---- positions ----------------------------------------------------------------------------------

    @Test
    void yamlNodesKnowLineColumnAndPointer() {
        MapNode root = yamlRoot("""
                Resources:
                  Data:
                    Type: AWS::S3::Bucket
                    Properties:
                      Tags:
                        - Key: team
                          Value: storage
                      "a/b~c": 1
                """);
        MapNode properties = (MapNode) ((MapNode) ((MapNode) root.get("Resources").orElseThrow()).get("Data")
                .orElseThrow()).get("Properties").orElseThrow();
        ListNode tags = (ListNode) properties.get("Tags").orElseThrow();
        MapNode tag = (MapNode) tags.items().get(0);
        ScalarNode value = (ScalarNode) tag.get("Value").orElseThrow();
        assertEquals("/Resources/Data/Properties/Tags/0/Value", value.pointer());
        assertEquals(new SourceRange("t.yaml", 7, 18, 7, 25), value.range());
        assertEquals(new SourceRange("t.yaml", 7, 11, 7, 16), tag.keyRange("Value"));
        assertEquals(6, tag.range().line());
        assertEquals(11, tag.range().column());
        assertEquals("/Resources/Data/Properties/a~1b~0c", properties.get("a/b~c").orElseThrow().pointer());
        assertEquals(8, properties.keyRange("a/b~c").line());
        assertEquals(7, properties.keyRange("a/b~c").column());
    }

    @Test
    void jsonNodesKnowLineColumnAndPointer() {
        MapNode root = jsonRoot("""
                {
                  "Resources": {
                    "Data": {
                      "Type": "AWS::S3::Bucket",
                      "Properties": {"Tags": [{"Key": "team", "Value": "storage"}], "a/b~c": 1}
                    }
                  }
                }
                """);
        MapNode properties = (MapNode) ((MapNode) ((MapNode) root.get("Resources").orElseThrow()).get("Data")
                .orElseThrow()).get("Properties").orElseThrow();
        MapNode tag = (MapNode) ((ListNode) properties.get("Tags").orElseThrow()).items().get(0);
        ScalarNode value = (ScalarNode) tag.get("Value").orElseThrow();
        assertEquals("/Resources/Data/Properties/Tags/0/Value", value.pointer());
        assertEquals(5, value.range().line());
        assertEquals(56, value.range().column());
        assertEquals(new SourceRange("t.json", 5, 56, 5, 65), value.range());
        assertEquals(new SourceRange("t.json", 5, 47, 5, 54), tag.keyRange("Value"));
        assertEquals("/Resources/Data/Properties/a~1b~0c", properties.get("a/b~c").orElseThrow().pointer());
        assertEquals(new SourceRange("t.json", 3, 5, 3, 11), ((MapNode) root.get("Resources").orElseThrow())
                .keyRange("Data"));
    }

    @Test
    void scalarTypesFollowYamlAndJson() {
        MapNode yaml = yamlRoot("S: text\nI: 42\nF: 1.5\nB: true\nN: null\nE:\nQ: '42'\nH: 0x1F\n");
        assertEquals("text", scalar(yaml, "S").value());
        assertEquals(42L, scalar(yaml, "I").value());
        assertEquals(1.5, scalar(yaml, "F").value());
        assertEquals(true, scalar(yaml, "B").value());
        assertEquals(null, scalar(yaml, "N").value());
        assertEquals("", scalar(yaml, "E").text());
        assertEquals("42", scalar(yaml, "Q").value());
        assertEquals("0x1F", scalar(yaml, "H").value());
        MapNode json = jsonRoot("{\"S\": \"text\", \"I\": 42, \"F\": 1.5, \"B\": false, \"N\": null,"
                + " \"Big\": 123456789012345678901234567890}");
        assertEquals(42L, scalar(json, "I").value());
        assertEquals(1.5, scalar(json, "F").value());
        assertEquals(false, scalar(json, "B").value());
        assertEquals(null, scalar(json, "N").value());
        assertEquals(new java.math.BigInteger("123456789012345678901234567890"), scalar(json, "Big").value());
    }

    @Test
    void yamlMergeKeysGiveWayToExplicitKeysWhereverTheyStand() {
        MapNode root = yamlRoot("base: &b {a: 1, b: 2}\nafter:\n  <<: *b\n  b: 3\nbefore:\n  b: 4\n  <<: *b\n");
        MapNode after = (MapNode) root.get("after").orElseThrow();
        assertEquals(1L, scalar(after, "a").value());
        assertEquals(3L, scalar(after, "b").value());
        assertEquals(4, after.keyRange("b").line());
        MapNode before = (MapNode) root.get("before").orElseThrow();
        assertEquals(1L, scalar(before, "a").value());
        assertEquals(4L, scalar(before, "b").value());
    }

    @Test
    void onlyAPlainOrTaggedMergeKeyMerges() {
        MapNode root = yamlRoot("base: &b {a: 1}\nquoted:\n  \"<<\": *b\ntagged:\n  !!merge into: *b\n"
                + "single:\n  '<<': 2\nlonger:\n  <<<: 3\n");
        MapNode quoted = (MapNode) root.get("quoted").orElseThrow();
        assertEquals(List.of("<<"), List.copyOf(quoted.entries().keySet()), "a quoted << is a key like any other");
        assertInstanceOf(MapNode.class, quoted.get("<<").orElseThrow());
        MapNode tagged = (MapNode) root.get("tagged").orElseThrow();
        assertEquals(List.of("a"), List.copyOf(tagged.entries().keySet()), "!!merge merges whatever the key says");
        assertEquals(2L, scalar((MapNode) root.get("single").orElseThrow(), "<<").value());
        assertEquals(3L, scalar((MapNode) root.get("longer").orElseThrow(), "<<<").value());
    }

    @Test
    void explicitKeysStillMayNotRepeatBesideAMergeKey() {
        Document document = yamlDocument("base: &b {a: 1}\nuse:\n  <<: *b\n  a: 2\n  a: 3\n");
        Defect defect = onlyDefect(document);
        assertEquals(5, defect.range().line());
        assertEquals(4, defect.related().orElseThrow().range().line());
        assertEquals(3L, scalar((MapNode) ((MapNode) document.root()).get("use").orElseThrow(), "a").value());
    }

    @Test
    void anAliasIsTheAnchoredNodeAgainAtItsOwnPointerWithTheAnchorsPositions() {
        MapNode root = yamlRoot("base: &b {a: [1, !Ref X]}\nuse: *b\n");
        MapNode use = (MapNode) root.get("use").orElseThrow();
        ListNode a = (ListNode) use.get("a").orElseThrow();
        assertEquals("/use/a/1/Ref", ((MapNode) a.items().get(1)).entries().get("Ref").pointer());
        assertEquals(1, a.range().line(), "the anchored text is where the values are written");
        assertEquals("/base/a", ((MapNode) root.get("base").orElseThrow()).get("a").orElseThrow().pointer());
    }

    @Test
    void mergeKeysTakeInlineMappingsAndListsOfAliasesAtTheMergingMappingsPointer() {
        MapNode root = yamlRoot("x: &x {a: 1}\ny: &y {b: 2, a: 9}\nm:\n  <<: [*x, *y]\n  c: 3\nn:\n  <<: {d: 4}\n");
        MapNode m = (MapNode) root.get("m").orElseThrow();
        assertEquals(List.of("a", "b", "c"), List.copyOf(m.entries().keySet()));
        assertEquals(1L, scalar(m, "a").value(), "the first mapping of the list wins, as YAML says");
        assertEquals("/m/b", m.get("b").orElseThrow().pointer());
        assertEquals(4L, scalar((MapNode) root.get("n").orElseThrow(), "d").value());
        assertEquals("a YAML merge key needs a mapping", yamlError("m:\n  <<: [1]\n").message());
    }

    @Test
    void aliasesThatCannotBeFollowedAreErrorsAtTheAlias() {
        InputError undefined = yamlError("a: *nowhere\n");
        assertEquals(1, undefined.line());
        assertEquals("YAML syntax: alias '*nowhere' refers to no anchor '&nowhere' defined before it",
                undefined.message());
        InputError recursive = yamlError("a: &loop\n  b: *loop\n");
        assertEquals("the YAML alias *loop refers to the mapping or list that holds it", recursive.message());
        assertEquals(2, recursive.line());
        InputError second = yamlError("a: 1\n---\nb: 2\n");
        assertEquals("YAML syntax: a second YAML document starts here ('---'); a template is one document",
                second.message());
        assertEquals(2, second.line());
    }

    @Test
    void aShortFormOnAListIsOneLevelOfNestingAndKeepsItsPositions() {
        MapNode root = yamlRoot("Value: !Join\n  - ''\n  - [a, !Ref B]\n");
        MapNode join = (MapNode) root.get("Value").orElseThrow();
        ListNode args = (ListNode) join.entries().get("Fn::Join");
        assertEquals("/Value/Fn::Join/1/1/Ref", ((MapNode) ((ListNode) args.items().get(1)).items().get(1))
                .entries().get("Ref").pointer());
        assertEquals(1, args.range().line(), "from the tag");
        assertEquals(4, args.range().endLine());
    }

    // ---- empty input ----------------------------------------------------------------------------------

    @Test
    void emptyFileLoadsAsAnEmptyMap() throws IOException {
        for (String name : List.of("empty.yaml", "empty.json")) {
            Path file = dir.resolve(name);
            Files.write(file, new byte[0]);
            MapNode root = assertInstanceOf(MapNode.class, loadDocument(file).root());
            assertTrue(root.entries().isEmpty(), name);
            assertEquals(SourceRange.fileStart(name), root.range());
        }
    }

    @Test
    void commentOnlyYamlLoadsAsAnEmptyMap() {
        MapNode root = yamlRoot("# nothing here yet\n\n");
        assertTrue(root.entries().isEmpty());
    }

    @Test
    void jsonIsRecognisedByContentWhateverTheExtension() {
        DocumentLoader.Result result = loader.parse("{\"Resources\": {}}", Path.of("app.template"), "app.template");
        assertTrue(result.document().isPresent());
        DocumentLoader.Result yaml = loader.parse("Resources: {}\n", Path.of("app.json"), "app.json");
        assertTrue(yaml.document().isPresent(), "YAML in a .json file still loads: " + yaml.error());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private MapNode yamlRoot(String yaml) {
        return root(loader.parse(yaml, Path.of("t.yaml"), "t.yaml"));
    }

    private MapNode jsonRoot(String json) {
        return root(loader.parse(json, Path.of("t.json"), "t.json"));
    }

    private static MapNode root(DocumentLoader.Result result) {
        if (result.error().isPresent()) {
            fail("unexpected input error: " + result.error().get());
        }
        return assertInstanceOf(MapNode.class, result.document().orElseThrow().root());
    }

    private Document yamlDocument(String yaml) {
        return document(loader.parse(yaml, Path.of("t.yaml"), "t.yaml"));
    }

    private Document jsonDocument(String json) {
        return document(loader.parse(json, Path.of("t.json"), "t.json"));
    }

    private static Document document(DocumentLoader.Result result) {
        if (result.error().isPresent()) {
            fail("unexpected input error: " + result.error().get());
        }
        return result.document().orElseThrow();
    }

    private static Defect onlyDefect(Document document) {
        assertEquals(1, document.defects().size(), document.defects().toString());
        return document.defects().get(0);
    }

    private InputError yamlError(String yaml) {
        return error(loader.parse(yaml, Path.of("t.yaml"), "t.yaml"));
    }

    private InputError jsonError(String json) {
        return error(loader.parse(json, Path.of("t.json"), "t.json"));
    }

    private InputError loadError(Path file) {
        return error(loader.load(file, file.getFileName().toString()));
    }

    private Document loadDocument(Path file) {
        DocumentLoader.Result result = loader.load(file, file.getFileName().toString());
        if (result.error().isPresent()) {
            fail("unexpected input error: " + result.error().get());
        }
        return result.document().orElseThrow();
    }

    private static InputError error(DocumentLoader.Result result) {
        assertTrue(result.document().isEmpty(), "expected an input error, got a document");
        return result.error().orElseThrow();
    }

    private static ScalarNode scalar(MapNode map, String key) {
        return assertInstanceOf(ScalarNode.class, map.get(key).orElseThrow());
    }

    private static List<String> getAttArgs(MapNode root, String key) {
        ListNode args = (ListNode) ((MapNode) root.get(key).orElseThrow()).entries().get("Fn::GetAtt");
        return Arrays.asList(args.items().stream().map(n -> ((ScalarNode) n).text()).toArray(String[]::new));
    }
}
