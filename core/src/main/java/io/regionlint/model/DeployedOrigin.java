package io.regionlint.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stack and logical id that created a deployed resource, as CloudFormation's tags on it say
 * ({@code aws:cloudformation:stack-name}, {@code aws:cloudformation:logical-id}) and AWS Config
 * records them. This is how rules pair deployed resources that no template declares: twins are
 * the resources of one logical id in stacks of one account whose names differ only by a Region
 * code ({@code app-us-east-1}, {@code app-us-west-2}), the way templates' twins share a stack
 * group and logical id. Resources without both tags, or in stacks whose names hold no Region
 * code, have no twins by this reading.
 *
 * @param account the account the resource was recorded in
 * @param stackName the stack that created it
 * @param logicalId its logical id in that stack
 */
public record DeployedOrigin(String account, String stackName, String logicalId) {

    /** The prefix of the tags CloudFormation puts on the resources it creates. */
    public static final String TAG_PREFIX = "aws:cloudformation:";
    public static final String STACK_NAME_TAG = TAG_PREFIX + "stack-name";
    public static final String LOGICAL_ID_TAG = TAG_PREFIX + "logical-id";

    private static final Pattern REGION = Pattern.compile("\\b[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d\\b");

    /** The origin of an observed resource that carries both tags; empty for a declared one. */
    public static Optional<DeployedOrigin> of(Resource resource) {
        if (resource.observed().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> stack = tag(resource, STACK_NAME_TAG);
        Optional<String> logicalId = tag(resource, LOGICAL_ID_TAG);
        if (stack.isEmpty() || logicalId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeployedOrigin(resource.observed().get().account(), stack.get(), logicalId.get()));
    }

    /** The value of one of a resource's tags ({@code Tags} as a list of {@code Key}/{@code Value}). */
    public static Optional<String> tag(Resource resource, String key) {
        if (!(resource.properties().get("Tags").orElse(null) instanceof ListValue tags)) {
            return Optional.empty();
        }
        for (Value t : tags.items()) {
            if (t instanceof MapValue m && m.textAt("Key").map(key::equals).orElse(false)) {
                return m.textAt("Value");
            }
        }
        return Optional.empty();
    }

    /**
     * The stack name with its Region codes replaced by {@code {Region}} ({@code app-{Region}}),
     * what the stacks of twins share; empty when the name holds no Region code.
     */
    public Optional<String> stackGroup() {
        String group = regionless(stackName);
        return group.equals(stackName) ? Optional.empty() : Optional.of(group);
    }

    /** Text with each Region code replaced by {@code {Region}}: what names of twins share. */
    public static String regionless(String text) {
        return REGION.matcher(text).replaceAll("{Region}");
    }

    /**
     * What twins share: account, stack group and logical id; empty when the stack name holds no
     * Region code (stacks are then not known to be instances of one stack).
     */
    public Optional<String> twinKey() {
        return stackGroup().map(group -> account + "\n" + group + "\n" + logicalId);
    }
}
