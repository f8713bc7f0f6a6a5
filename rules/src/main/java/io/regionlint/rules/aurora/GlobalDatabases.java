package io.regionlint.rules.aurora;

import io.regionlint.model.GlobalDatabase;
import io.regionlint.model.RegionRole;
import io.regionlint.model.Resource;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Questions about Aurora global databases that several Aurora rules ask, answered once. An
 * unknown value is never read as absent: where the answer depends on one, it is empty.
 */
final class GlobalDatabases {

    static final String CLUSTER = "AWS::RDS::DBCluster";

    private GlobalDatabases() {
    }

    /** How messages name a global database: its global cluster, else the identifier its members give. */
    static String name(GlobalDatabase db) {
        return "'" + db.globalCluster().map(Resource::displayName)
                .or(() -> db.members().stream().findFirst().flatMap(m -> m.properties().textAt("GlobalClusterIdentifier")))
                .orElse(db.identifier()) + "'";
    }

    /** The members with the primary first (where it is known), the rest in topology order. */
    static List<Resource> primaryFirst(GlobalDatabase db) {
        List<Resource> out = new ArrayList<>();
        db.primary().ifPresent(out::add);
        out.addAll(db.secondaries());
        return out;
    }

    /**
     * The secondaries when the inputs tell which member is the primary; empty otherwise (every
     * member could be the primary, so no member is known to be a secondary).
     */
    static List<Resource> knownSecondaries(GlobalDatabase db) {
        return db.primary().isPresent() ? db.secondaries() : List.of();
    }

    /** How messages name a member relative to the database: "the primary 'a' (r)" or "member 'a' (r)". */
    static String role(GlobalDatabase db, Resource member) {
        boolean primary = db.primary().map(p -> p.key().equals(member.key())).orElse(false);
        return (primary ? "the primary " : "member ") + member.describe();
    }

    /**
     * True when the project file gives the Region a role that carries no traffic of its own
     * (standby or witness): capacity and routing there are a deliberate choice.
     */
    static boolean inQuietRegion(Topology topology, Resource resource) {
        Optional<RegionRole> role = resource.region().flatMap(topology::regionRole);
        return role.isPresent() && role.get() != RegionRole.ACTIVE;
    }

    /** The lower-case text of a property, empty where absent or unknown. */
    static Optional<String> lowerText(Resource resource, String property) {
        return resource.properties().textAt(property).map(t -> t.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * A boolean property: empty where its value is unknown or not a boolean, {@code absent}
     * where the property is not given.
     */
    static Optional<Boolean> flag(Resource resource, String property, boolean absent) {
        Optional<Value> value = resource.properties().get(property);
        if (value.isEmpty()) {
            return Optional.of(absent);
        }
        return value.get().text().map(t -> t.trim().toLowerCase(Locale.ROOT)).flatMap(t -> switch (t) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        });
    }

    /** The number a value holds, when it is known and numeric. */
    static Optional<BigDecimal> number(Value value) {
        return value.text().flatMap(text -> {
            try {
                return Optional.of(new BigDecimal(text.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** Whether two resources are in the same account and the same (known) Region. */
    static boolean samePlace(Resource a, Resource b) {
        return a.region().isPresent() && a.region().equals(b.region()) && a.stack().account().equals(b.stack().account());
    }

    /**
     * Whether a reference (a cluster identifier as written, or what {@code Ref} gave) names the
     * resource: its token, or its literal name compared as RDS does, without case.
     */
    static boolean names(String reference, Resource resource) {
        return Tokens.containsToken(reference) ? reference.equals(resource.physicalName())
                : reference.equalsIgnoreCase(resource.physicalName());
    }

    /** How a template refers to the resource: its literal name, else {@code !Ref LogicalId}. */
    static String reference(Resource resource) {
        return Tokens.containsToken(resource.physicalName()) ? "!Ref " + resource.logicalId()
                : resource.physicalName();
    }
}
