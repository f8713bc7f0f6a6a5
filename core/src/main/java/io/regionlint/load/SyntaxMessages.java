package io.regionlint.load;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a YAML or JSON text in our words. The parsers' own messages name their
 * internals (SnakeYAML's {@code <block end>} tokens, Jackson's {@code Feature 'ALLOW_COMMENTS'}
 * and code points), which tell a template's author nothing; each family of them is worded here
 * for the person fixing the file, and anything not recognised gets a plain general message rather
 * than the library's text.
 */
final class SyntaxMessages {

    private static final Pattern YAML_BAD_CHARACTER = Pattern.compile("found character '(.+?)' that cannot start any token");
    private static final Pattern YAML_ALIAS = Pattern.compile("found undefined alias (\\S+)");
    private static final Pattern YAML_ESCAPE = Pattern.compile("found unknown escape character (.)");
    private static final Pattern NODE_CONTENT = Pattern.compile("expected the node content, but found '(.+?)'");
    private static final Pattern YAML_FOUND = Pattern.compile("expected <block end>, but found '(.+?)'");
    private static final Pattern JSON_CHARACTER = Pattern.compile("Unexpected character \\('(.)' \\(code (\\d+)\\)\\)");
    private static final Pattern JSON_TOKEN = Pattern.compile("(?:Unrecognized|Non-standard) token '(.+?)'");
    private static final Pattern JSON_CLOSE = Pattern.compile("Unexpected close marker '(.)': expected '(.)'");
    private static final Pattern JSON_STRAY_CLOSE = Pattern.compile("Unexpected close marker '(.)': no open");
    private static final Pattern JSON_ESCAPE = Pattern.compile("Unrecognized character escape '(.)'");
    private static final Pattern JSON_CONTROL = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

    private SyntaxMessages() {
    }

    /**
     * A YAML syntax error: SnakeYAML's context ("while parsing a flow sequence") and problem, and
     * the line and column (1-based) where the context began.
     */
    static String yaml(String context, String problem, int contextLine, int contextColumn) {
        String c = context == null ? "" : context;
        String p = problem == null ? "" : problem;
        String since = contextLine > 0 ? " at line " + contextLine + ", column " + contextColumn : "";
        Matcher m;
        if (p.contains("(TAB)") || p.contains("tab character")) {
            return "a tab character used for indentation; YAML indents with spaces only";
        }
        if ((m = YAML_BAD_CHARACTER.matcher(p)).find()) {
            return "'" + m.group(1) + "' cannot start a plain value: put the value in quotes";
        }
        if ((m = YAML_ALIAS.matcher(p)).find()) {
            return "alias '*" + m.group(1) + "' refers to no anchor '&" + m.group(1) + "' defined before it";
        }
        if ((m = YAML_ESCAPE.matcher(p)).find()) {
            return "'\\" + m.group(1) + "' is not an escape in double-quoted text: write '\\\\" + m.group(1)
                    + "' or use single quotes";
        }
        if (p.startsWith("mapping values are not allowed")) {
            return "a ':' followed by a space starts a key where none can start: quote a value that contains"
                    + " ': ', or fix the indentation";
        }
        if (p.startsWith("could not find expected ':'")) {
            return "the key that starts" + since + " has no ':' (or a plain value continues on a line"
                    + " indented like a key)";
        }
        if (p.startsWith("expected ',' or ']'")) {
            return "the list opened with '['" + since + " is not closed here: a ',' or ']' is missing";
        }
        if (p.startsWith("expected ',' or '}'")) {
            return "the mapping opened with '{'" + since + " is not closed here: a ',' or '}' is missing";
        }
        if (c.contains("quoted scalar") && p.contains("end of stream")) {
            return "the quoted text that starts" + since + " is never closed";
        }
        if (p.contains("end of stream")) {
            return "the file ends before the value that starts" + since + " does";
        }
        if (c.startsWith("expected a single document")) {
            return "a second YAML document starts here ('---'); a template is one document";
        }
        if ((m = YAML_FOUND.matcher(p)).find()) {
            String found = m.group(1);
            String block = c.contains("collection") ? "list" : "mapping";
            if (found.equals("]") || found.equals("}")) {
                return "'" + found + "' closes nothing: no '" + (found.equals("]") ? "[" : "{") + "' is open here";
            }
            if (found.equals("-")) {
                return "a list item ('-') where the " + block + " that starts" + since + " expects a key: indent it"
                        + " under the key it belongs to";
            }
            return "this line does not fit the " + block + " that starts" + since + ": line it up with the entries"
                    + " above it, or indent it further to nest it";
        }
        if (p.startsWith("expected '<document start>', but found '<block mapping start>'")) {
            return "this key is indented less than the keys before it: the keys of one mapping line up (check the"
                    + " indentation of the first lines)";
        }
        if (c.contains("block scalar")) {
            return "a '|' or '>' must end its line: the text it introduces starts on the next line, indented";
        }
        if ((m = NODE_CONTENT.matcher(p)).find()) {
            return m.group(1).equals("?") ? "a key where a value was expected: indent the value further than"
                    + " the '-' or key it belongs to"
                    : "'" + m.group(1) + "' cannot start a value: quote the value, or remove the stray character";
        }
        if (c.contains("anchor") || c.contains("alias")) {
            return "an anchor or alias name ('&name', '*name') may hold only letters, digits, '-' and '_'";
        }
        if (p.contains("'<document start>'")) {
            return "unexpected content after a complete value: check the indentation and quotes of this line";
        }
        return "this is not well-formed YAML: check the indentation, quotes and brackets here";
    }

    /** A JSON syntax error, from Jackson's message without its location suffix. */
    static String json(String jacksonMessage) {
        String p = jacksonMessage == null ? "" : jacksonMessage;
        Matcher m;
        if (p.contains("comment")) {
            return "JSON does not allow comments (CloudFormation JSON templates cannot hold them; YAML can)";
        }
        if ((m = JSON_CLOSE.matcher(p)).find()) {
            return "'" + m.group(1) + "' where '" + m.group(2) + "' should close the "
                    + (m.group(2).equals("]") ? "list" : "object") + " still open";
        }
        if ((m = JSON_STRAY_CLOSE.matcher(p)).find()) {
            return "'" + m.group(1) + "' closes nothing: no '" + (m.group(1).equals("]") ? "[" : "{") + "' is open here";
        }
        if (p.startsWith("Unexpected end-of-input")) {
            return p.contains("closing quote") ? "the file ends inside a string: a closing '\"' is missing"
                    : "the file ends before the JSON document does: a '}' or ']' is missing";
        }
        if ((m = JSON_ESCAPE.matcher(p)).find()) {
            return "'\\" + m.group(1) + "' is not a JSON escape: write '\\\\" + m.group(1) + "' for a backslash";
        }
        if ((m = JSON_CONTROL.matcher(p)).find()) {
            int code = Integer.parseInt(m.group(1));
            return (code == 9 ? "a tab" : code == 10 ? "a line break" : "control character " + code)
                    + " inside a string must be escaped (\\t, \\n, \\u00XX)";
        }
        if (p.contains("Leading zeroes")) {
            return "a number may not start with 0 in JSON: write it without the zero, or quote it";
        }
        if ((m = JSON_TOKEN.matcher(p)).find()) {
            return "'" + m.group(1) + "' is not a JSON value: quote text with '\"'; the literals are true, false and null";
        }
        if ((m = JSON_CHARACTER.matcher(p)).find()) {
            String ch = m.group(1);
            if (ch.equals("#") || ch.equals("/")) {
                return "JSON does not allow comments (CloudFormation JSON templates cannot hold them; YAML can)";
            }
            if (p.contains("double-quote to start field name")) {
                if (ch.equals("}")) {
                    return "a ',' before '}': JSON allows no comma after the last entry";
                }
                return ch.equals("'") ? "keys need double quotes in JSON, not single quotes"
                        : "a key must be text in double quotes, found '" + ch + "'";
            }
            if (p.contains("comma to separate Object")) {
                return "a ',' is missing between two entries of an object (found '" + ch + "')";
            }
            if (p.contains("comma to separate Array")) {
                return "a ',' is missing between two items of a list (found '" + ch + "')";
            }
            if (p.contains("expected a valid value") && ch.equals("]")) {
                return "a ',' before ']': JSON allows no comma after the last item";
            }
            if (p.contains("colon to separate")) {
                return "a ':' is missing between a key and its value (found '" + ch + "')";
            }
            if (ch.equals("'")) {
                return "text needs double quotes in JSON, not single quotes";
            }
            return "'" + ch + "' cannot start a JSON value: quote text with '\"'";
        }
        return "this is not well-formed JSON: check the quotes, commas and brackets here";
    }

    /** A description of a character for messages: printable ones as themselves, others as U+XXXX. */
    static String character(int codePoint) {
        return Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                ? String.format(Locale.ROOT, "U+%04X", codePoint)
                : "'" + new String(Character.toChars(codePoint)) + "' (U+" + String.format(Locale.ROOT, "%04X", codePoint) + ")";
    }
}
