package io.regionlint.rules.drift;

import io.regionlint.load.ConfigMapper;
import io.regionlint.model.DeployedCoverage;
import io.regionlint.model.DeployedOrigin;
import io.regionlint.model.ListValue;
import io.regionlint.model.MapValue;
import io.regionlint.model.Resource;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Declared resources joined with the resources AWS Config observed, for the drift rules, in the
 * order of ../shared/reference/aws-config-and-drift.md §3.2, per account and Region:
 * <ol>
 *   <li>the stack's resource list: the physical id CloudFormation gave the logical id, from a pull
 *       bundle's stack list or an {@code AWS::CloudFormation::Stack} item
 *       ({@link DeployedCoverage#physicalId});</li>
 *   <li>CloudFormation's tags on the item: {@code aws:cloudformation:stack-name} and
 *       {@code aws:cloudformation:logical-id} naming the declared stack instance and logical id;</li>
 *   <li>the literal physical name: a template's name (bucket, table, cluster identifier, secret
 *       name) is what Config records as the resource's name (RDS identifiers compared without
 *       case, as RDS stores them in lower case).</li>
 * </ol>
 * A global table is joined by name alone, since Config records it in every replica Region and
 * the model merges those items into one; a secret by its {@code Name} (what {@code Ref} gives is
 * its ARN, which a template cannot know). A resource whose name CloudFormation generates and that
 * none of the first two joins names is not joined (and so never reported missing).
 *
 * <p>Built once per topology and shared by the drift rules (a topology of 100,000 observed items
 * is joined once, not once per rule).
 */
final class DeclaredDeployed {

    /** A declared resource and what Config observed of it. */
    record Pair(Resource declared, Resource observed) {
    }

    /**
     * A declared resource that the stack's resource list joins with one observed resource and
     * CloudFormation's tags with another: one of the two is stale.
     */
    record Conflict(Resource declared, Resource listed, Resource tagged) {
    }

    /** The types Config items are mapped to (a DynamoDB table with replicas becomes a global table). */
    static final Set<String> TYPES;

    static {
        Set<String> types = new HashSet<>(ConfigMapper.TYPES);
        types.add("AWS::DynamoDB::GlobalTable");
        TYPES = Set.copyOf(types);
    }

    private static final Map<Topology, DeclaredDeployed> JOINED = Collections.synchronizedMap(new WeakHashMap<>());

    private final List<Pair> pairs = new ArrayList<>();
    private final List<Resource> unpaired = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final Set<String> observedPlaces = new HashSet<>();
    private final DeployedCoverage coverage;
    private final Map<Resource, Resource> declaredOf = new IdentityHashMap<>(); // records hash deeply: by identity
    private final Map<String, Resource> declaredBuckets = new HashMap<>();
    private final Map<String, Resource> observedBuckets = new HashMap<>();
    /** Observed resources by the stack and logical id CloudFormation's tags on them name. */
    private final Map<String, Resource> observedByTags = new HashMap<>();

    private DeclaredDeployed(Topology topology) {
        this.coverage = topology.coverage();
        Map<String, Resource> observed = new HashMap<>();
        List<Resource> declared = new ArrayList<>();
        for (Resource r : topology.resources()) {
            if (!TYPES.contains(r.type()) || r.isType("AWS::IAM::Role") || r.isType("AWS::IAM::Policy")) {
                continue;
            }
            if (r.observed().isPresent()) {
                observed.putIfAbsent(key(r), r);
                if (r.isType("AWS::SecretsManager::Secret")) {
                    // one copy stands for a replicated secret: a template may declare it from any of its Regions
                    for (String region : replicaRegions(r)) {
                        observed.putIfAbsent(r.type() + "|" + region + "|" + name(r), r);
                        observedPlaces.add(r.type() + "|" + region);
                    }
                }
                r.region().ifPresent(region -> observedPlaces.add(r.type() + "|" + region));
                if (r.isType("AWS::S3::Bucket")) {
                    observedBuckets.putIfAbsent(r.physicalName(), r);
                }
                DeployedOrigin.of(r).ifPresent(o -> {
                    String region = r.region().orElse("?");
                    observedByTags.putIfAbsent(tagKey(r.type(), o.account(), region, o.stackName(), o.logicalId()), r);
                    // a declared stack whose account is not known joins in any account
                    observedByTags.putIfAbsent(tagKey(r.type(), "?", region, o.stackName(), o.logicalId()), r);
                });
            } else if (!r.conditionUnknown()) {
                declared.add(r);
                if (r.isType("AWS::S3::Bucket")) {
                    declaredBuckets.putIfAbsent(r.physicalName(), r);
                }
            }
        }
        for (Resource d : declared) {
            // the deployed stack's resource list, then CloudFormation's tags, then the literal name
            Resource listed = pulledId(d).map(id -> observed.get(key(d.type(), d, id))).orElse(null);
            Resource tagged = observedByTags.get(tagKey(d.type(), d.stack().account().orElse("?"),
                    d.region().orElse("?"), d.stack().name(), d.logicalId()));
            if (listed != null && tagged != null && listed != tagged) {
                conflicts.add(new Conflict(d, listed, tagged)); // the list wins: CloudFormation keeps it
            }
            Resource o = listed != null ? listed : tagged;
            if (o == null) {
                if (Tokens.containsToken(name(d))) {
                    continue; // a generated name nothing joins: neither paired nor missing
                }
                o = observed.get(key(d));
            }
            if (o != null) {
                pairs.add(new Pair(d, o));
                declaredOf.putIfAbsent(o, d);
            } else {
                unpaired.add(d);
            }
        }
    }

    static DeclaredDeployed of(Topology topology) {
        return JOINED.computeIfAbsent(topology, DeclaredDeployed::new);
    }

    List<Pair> pairs() {
        return pairs;
    }

    /** Declared resources that the stack's resource list and CloudFormation's tags join differently. */
    List<Conflict> conflicts() {
        return conflicts;
    }

    /** Declared resources with a literal name that no observed resource matches. */
    List<Resource> unpaired() {
        return unpaired;
    }

    /** The declared resource an observed one was joined with. */
    Optional<Resource> declaredOf(Resource observed) {
        return Optional.ofNullable(declaredOf.get(observed));
    }

    /** The bucket a template declares under this literal name. */
    Optional<Resource> declaredBucket(String name) {
        return Optional.ofNullable(declaredBuckets.get(name));
    }

    /** The bucket Config recorded under this name, in any Region. */
    Optional<Resource> observedBucket(String name) {
        return Optional.ofNullable(observedBuckets.get(name));
    }

    /**
     * Whether "no item of the type in the Region" means none is deployed there: what a pulled
     * bundle's coverage says (only a complete pull decides; a failed one or a type the recorder
     * leaves out decides nothing), else, for plain snapshot files, whether Config recorded at
     * least one resource of the type there.
     */
    boolean recordedIn(String type, Optional<String> account, Optional<String> region) {
        if (region.isEmpty()) {
            return false;
        }
        Optional<DeployedCoverage.Status> said = coverage.of(account, region.get(), pulledType(type));
        if (said.isPresent()) {
            return said.get() == DeployedCoverage.Status.COMPLETE;
        }
        return observedPlaces.contains(type + "|" + region.get());
    }

    /**
     * True when CloudFormation manages the observed resource: it carries CloudFormation's tags, or
     * it was joined with a declared resource.
     */
    boolean managed(Resource observed) {
        return declaredOf.containsKey(observed) || DeployedOrigin.tag(observed, DeployedOrigin.STACK_NAME_TAG).isPresent()
                || DeployedOrigin.tag(observed, DeployedOrigin.TAG_PREFIX + "stack-id").isPresent();
    }

    /** What a resource is joined by: a secret's Name, else its physical name. */
    static String name(Resource r) {
        if (r.isType("AWS::SecretsManager::Secret")) {
            return r.properties().textAt("Name").orElse(r.physicalName());
        }
        return r.physicalName();
    }

    private static List<String> replicaRegions(Resource secret) {
        List<String> out = new ArrayList<>();
        if (secret.properties().get("ReplicaRegions").orElse(null) instanceof ListValue list) {
            for (Value v : list.items()) {
                if (v instanceof MapValue m) {
                    m.textAt("Region").ifPresent(out::add);
                }
            }
        }
        return out;
    }

    /** How messages name a declared resource: a secret by its Name rather than its logical id. */
    static String describe(Resource r) {
        String name = name(r);
        return Tokens.containsToken(name) ? r.describe() : "'" + name + "' (" + r.stack().regionLabel() + ")";
    }

    private static String key(Resource r) {
        return key(r.type(), r, name(r));
    }

    private static String key(String type, Resource r, String physicalName) {
        String name = type.startsWith("AWS::RDS::") ? physicalName.toLowerCase(Locale.ROOT) : physicalName;
        String place = r.isType("AWS::DynamoDB::GlobalTable") ? "*" : r.region().orElse("?");
        return type + "|" + place + "|" + name;
    }

    private static String tagKey(String type, String account, String region, String stack, String logicalId) {
        return type + "|" + account + "|" + region + "|" + stack + "|" + logicalId;
    }

    /** The Config type a bundle pulls for a modelled type (a global table is a table with replicas there). */
    static String pulledType(String type) {
        return type.equals("AWS::DynamoDB::GlobalTable") ? "AWS::DynamoDB::Table" : type;
    }

    /** The physical id a pulled stack's resource list gives a declared resource (see {@link DeployedCoverage}). */
    private Optional<String> pulledId(Resource declared) {
        return declared.region().flatMap(region -> coverage.physicalId(declared.stack().account(), region,
                declared.stack().name(), declared.logicalId()));
    }
}
