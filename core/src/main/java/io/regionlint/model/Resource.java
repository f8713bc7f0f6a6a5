package io.regionlint.model;

import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.SourceRange;
import java.util.Optional;

/**
 * A resource of one stack instance, with its properties resolved for that instance.
 *
 * @param physicalName the name CloudFormation gives it: a literal where the template names it,
 *     else a token (see {@link Tokens}); what {@code Ref} resolves to
 * @param node where the resource is declared: its declaration body's node, without children
 *     ({@link io.regionlint.load.Node#shell}; the properties are resolved in {@code properties})
 * @param declaredAt the range of its logical id key, where findings about the whole resource point
 * @param metadata the resource's {@code Metadata}, unresolved
 * @param conditionUnknown true when the resource's Condition could not be decided for this
 *     instance (it is kept, never treated as absent)
 */
public record Resource(StackInstance stack, String logicalId, String type, MapValue properties,
                       String physicalName, Node node, SourceRange declaredAt, Optional<MapNode> metadata, Optional<String> constructPath,
                       boolean conditionUnknown) {

    /**
     * A hash of the resource's identity (stack instance, logical id, type), not of its whole
     * tree: the record's own hash would walk every property and node of the template, so each
     * {@code HashMap<Resource, ...>} lookup cost a walk of the resource (RL8004 on 200 × 50
     * templates took 30 s of a 36 s run in it). Equal resources have equal identities, so this
     * agrees with the record's {@code equals}.
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(stack.name(), stack.region(), stack.account(), logicalId, type);
    }

    /**
     * {@code account:region:stack/logicalId} (see {@link StackId#key}): unique in a topology, and
     * what every index of resources is keyed by. Never shown to users.
     */
    public String key() {
        return key(stack.id(), logicalId);
    }

    /** The key of the resource with this logical id in the stack instance {@code stack}. */
    public static String key(StackId stack, String logicalId) {
        return stack.key() + "/" + logicalId;
    }

    public Optional<String> region() {
        return stack.region();
    }

    /** The name users know: the literal physical name where there is one, else the logical id. */
    public String displayName() {
        return Tokens.containsToken(physicalName) ? logicalId : physicalName;
    }

    /** "'orders-us-east-1' (us-east-1)": how messages name a resource. */
    public String describe() {
        return "'" + displayName() + "' (" + stack.regionLabel() + ")";
    }

    /** The partition of the resource's Region ({@code aws} where the Region is not known). */
    public String partition() {
        return region().map(Regions::partition).orElse("aws");
    }

    /**
     * The ARN of a bucket as policies and replication rules name it ({@code Fn::GetAtt B.Arn}
     * resolves to the same text); it holds a token where CloudFormation generates the name.
     */
    public String bucketArn() {
        return "arn:" + partition() + ":s3:::" + physicalName;
    }

    /**
     * Where the model learnt of this resource: the template that declares it, or the
     * configuration item AWS Config recorded for it.
     */
    public Provenance provenance() {
        Optional<Provenance.Observed> observed = observed();
        return observed.isPresent() ? observed.get() : new Provenance.Declared(stack, logicalId, node);
    }

    /** The configuration item behind an observed resource; empty for a declared one. */
    public Optional<Provenance.Observed> observed() {
        return stack.observed().flatMap(o -> o.item(logicalId));
    }

    /**
     * The resource's ARN where it is known as text (see {@link Arn#of}): the recorded ARN of an
     * observed resource; for a declared one, built from its literal name, Region and account.
     */
    public Optional<String> arn() {
        return Arn.of(this).map(Arn::toString);
    }

    public boolean isType(String cloudFormationType) {
        return type.equals(cloudFormationType);
    }
}
