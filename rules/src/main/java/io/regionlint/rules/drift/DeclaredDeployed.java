package io.regionlint.rules.drift;

import io.regionlint.load.ConfigMapper;
import io.regionlint.model.Resource;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Declared resources joined with the resources AWS Config observed, for the drift rules. The join
 * is by type, Region and physical name: a template's literal name (bucket, table, cluster
 * identifier, secret name) is what Config records as the resource's name (RDS identifiers compared
 * without case, as RDS stores them in lower case). A global table is joined by name alone, since
 * Config records it in every replica Region and the model merges those items into one. Resources
 * whose name CloudFormation generates are not joined (CloudFormation's stack resource lists and
 * tags, which a pull bundle holds, are the way to join them; not read yet).
 */
final class DeclaredDeployed {

    /** A declared resource and what Config observed of it. */
    record Pair(Resource declared, Resource observed) {
    }

    /** The types Config items are mapped to (a DynamoDB table with replicas becomes a global table). */
    private static final Set<String> TYPES;

    static {
        Set<String> types = new HashSet<>(ConfigMapper.TYPES);
        types.add("AWS::DynamoDB::GlobalTable");
        TYPES = Set.copyOf(types);
    }

    private final List<Pair> pairs = new ArrayList<>();
    private final List<Resource> unpaired = new ArrayList<>();
    private final Set<String> observedPlaces = new HashSet<>();

    private DeclaredDeployed(Topology topology) {
        Map<String, Resource> observed = new HashMap<>();
        List<Resource> declared = new ArrayList<>();
        for (Resource r : topology.resources()) {
            if (!TYPES.contains(r.type()) || r.isType("AWS::IAM::Role") || r.isType("AWS::IAM::Policy")) {
                continue;
            }
            if (r.observed().isPresent()) {
                observed.putIfAbsent(key(r), r);
                r.region().ifPresent(region -> observedPlaces.add(r.type() + "|" + region));
            } else if (!r.conditionUnknown() && !Tokens.containsToken(r.physicalName())) {
                declared.add(r);
            }
        }
        for (Resource d : declared) {
            Resource o = observed.get(key(d));
            if (o != null) {
                pairs.add(new Pair(d, o));
            } else {
                unpaired.add(d);
            }
        }
    }

    static DeclaredDeployed of(Topology topology) {
        return new DeclaredDeployed(topology);
    }

    List<Pair> pairs() {
        return pairs;
    }

    /** Declared resources with a literal name that no observed resource matches. */
    List<Resource> unpaired() {
        return unpaired;
    }

    /** True when Config recorded at least one resource of the type in the Region (its type is recorded there). */
    boolean recordedIn(String type, Optional<String> region) {
        return region.isPresent() && observedPlaces.contains(type + "|" + region.get());
    }

    private static String key(Resource r) {
        String name = r.type().startsWith("AWS::RDS::") ? r.physicalName().toLowerCase(Locale.ROOT) : r.physicalName();
        String place = r.isType("AWS::DynamoDB::GlobalTable") ? "*" : r.region().orElse("?");
        return r.type() + "|" + place + "|" + name;
    }
}
