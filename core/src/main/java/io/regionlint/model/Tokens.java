package io.regionlint.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opaque stand-ins for values CloudFormation generates at deploy time (a bucket without
 * {@code BucketName}, the ARN of a role). A token names the stack instance and logical id, so
 * the linker can join on it exactly like on a literal name. Tokens use characters that never
 * occur in templates and never appear in messages.
 */
public final class Tokens {

    private static final char OPEN = '\u27E8';
    private static final char CLOSE = '\u27E9';
    private static final Pattern TOKEN = Pattern.compile(OPEN + "([^|" + CLOSE + "]+)\\|([^|" + CLOSE + "]+)(?:\\|([^"
            + CLOSE + "]+))?" + CLOSE);

    private Tokens() {
    }

    /** The token for a resource's physical id ({@code Ref}). */
    public static String ref(String stack, String logicalId) {
        return OPEN + stack + "|" + logicalId + CLOSE;
    }

    /** The token for a resource attribute ({@code Fn::GetAtt}). */
    public static String attribute(String stack, String logicalId, String attribute) {
        return OPEN + stack + "|" + logicalId + "|" + attribute + CLOSE;
    }

    public static boolean containsToken(String text) {
        return text.indexOf(OPEN) >= 0;
    }

    /** The stack/logical-id key of the first token in the text. */
    public static Optional<String> resourceKey(String text) {
        Matcher m = TOKEN.matcher(text);
        return m.find() ? Optional.of(m.group(1) + "/" + m.group(2)) : Optional.empty();
    }

    /** The text with every token replaced by its logical id, for messages. */
    public static String display(String text) {
        if (!containsToken(text)) {
            return text;
        }
        return TOKEN.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(3) == null ? m.group(2) : m.group(2) + "." + m.group(3)));
    }
}
