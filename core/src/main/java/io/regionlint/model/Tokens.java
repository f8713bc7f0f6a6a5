package io.regionlint.model;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opaque stand-ins for values CloudFormation generates at deploy time (a bucket without
 * {@code BucketName}, the ARN of a role). A token names the stack instance (account, Region and
 * stack name: the same stack name in two Regions is two stacks) and the logical id, so the
 * linker can join on it exactly like on a literal name. Tokens use characters that never occur
 * in templates and never appear in messages.
 */
public final class Tokens {

    private static final char OPEN = '\u27E8';
    private static final char CLOSE = '\u27E9';
    private static final String NOT_KNOWN = "?";
    private static final String PART = "([^|" + CLOSE + "]+)";
    /** account | Region | stack name | logical id [| attribute] */
    private static final Pattern TOKEN = Pattern.compile(OPEN + PART + "\\|" + PART + "\\|" + PART + "\\|" + PART
            + "(?:\\|([^" + CLOSE + "]+))?" + CLOSE);

    private Tokens() {
    }

    /** The token for a resource's physical id ({@code Ref}). */
    public static String ref(StackId stack, String logicalId) {
        return OPEN + prefix(stack) + logicalId + CLOSE;
    }

    /** The token for a resource attribute ({@code Fn::GetAtt}). */
    public static String attribute(StackId stack, String logicalId, String attribute) {
        return OPEN + prefix(stack) + logicalId + "|" + attribute + CLOSE;
    }

    private static String prefix(StackId stack) {
        return stack.account().orElse(NOT_KNOWN) + "|" + stack.region().orElse(NOT_KNOWN) + "|" + stack.name() + "|";
    }

    public static boolean containsToken(String text) {
        return text.indexOf(OPEN) >= 0;
    }

    /** The key ({@link Resource#key}) of the resource the first token in the text names. */
    public static Optional<String> resourceKey(String text) {
        Matcher m = TOKEN.matcher(text);
        return m.find() ? Optional.of(Resource.key(stack(m), m.group(4))) : Optional.empty();
    }

    /** The {@code Ref} token of the resource the first token in the text names. */
    public static Optional<String> refOf(String text) {
        Matcher m = TOKEN.matcher(text);
        return m.find() ? Optional.of(ref(stack(m), m.group(4))) : Optional.empty();
    }

    /** The token of an attribute of the resource the first token in the text names. */
    public static Optional<String> attributeOf(String text, String attribute) {
        Matcher m = TOKEN.matcher(text);
        return m.find() ? Optional.of(attribute(stack(m), m.group(4), attribute)) : Optional.empty();
    }

    private static StackId stack(java.util.regex.MatchResult m) {
        return new StackId(part(m.group(1)), part(m.group(2)), m.group(3));
    }

    private static Optional<String> part(String text) {
        return text.equals(NOT_KNOWN) ? Optional.empty() : Optional.of(text);
    }

    /** The text with every token replaced by its logical id, for messages. */
    public static String display(String text) {
        if (!containsToken(text)) {
            return text;
        }
        return TOKEN.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(5) == null ? m.group(4) : m.group(4) + "." + m.group(5)));
    }

    /**
     * The text with each token's stack identity written as {@code name(stack)}: tokens of the
     * older form that named the stack alone ({@code ⟨stack|logicalId⟩}). Fingerprints hash this
     * form, with the name that keeps them stable (see {@code Topology#fingerprintName}).
     */
    public static String withStackNames(String text, Function<StackId, String> name) {
        if (!containsToken(text)) {
            return text;
        }
        return TOKEN.matcher(text).replaceAll(m -> Matcher.quoteReplacement(OPEN + name.apply(stack(m)) + "|"
                + m.group(4) + (m.group(5) == null ? "" : "|" + m.group(5)) + CLOSE));
    }
}
