package io.regionlint.rules.secrets;

import io.regionlint.model.Arn;
import io.regionlint.model.Resource;
import io.regionlint.model.SecretUse;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.UnknownValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads of loaded secrets from a Region where the secret has no copy, and where each such read
 * goes. The secret rules split them: a read that breaks (RL5007) and one that works across
 * Regions (RL5008). Reads whose Regions cannot be known are left out.
 */
final class SecretReads {


    private SecretReads() {
    }

    /** How a read names the secret. */
    enum Kind {
        /** {@code {{resolve:secretsmanager:name...}}}: resolved in the stack's own Region. */
        DYNAMIC_NAME,
        /** {@code {{resolve:secretsmanager:arn:...}}}: a dynamic reference that names a Region. */
        DYNAMIC_ARN,
        /** An ARN (literal, or the secret's own ARN from {@code Ref}) read by the compute at run time. */
        ARN
    }

    /**
     * A read of a secret from a Region where the secret has no copy.
     *
     * @param reader the Region the read happens in (the reading resource's Region)
     * @param target the Region the reference points at
     * @param regions the Regions the secret exists in
     */
    record Read(SecretUse use, Resource secret, Kind kind, String reader, String target, Set<String> regions) {

        /** True when the reference points at a Region where the secret exists. */
        boolean targetExists() {
            return regions.contains(target);
        }
    }

    static List<Read> outOfRegion(Topology topology) {
        List<Read> out = new ArrayList<>();
        for (SecretUse use : topology.secretUses()) {
            Optional<String> reader = use.user().region();
            if (use.secret().isEmpty() || reader.isEmpty()) {
                continue;
            }
            Resource secret = use.secret().get();
            Optional<Set<String>> regions = topology.secretRegions(secret);
            if (regions.isEmpty() || regions.get().contains(reader.get())) {
                continue;
            }
            Optional<String> arnRegion = Arn.parse(use.reference(), "secretsmanager").map(Arn::region)
                    .filter(r -> !r.isEmpty());
            boolean dynamic = use.at() instanceof UnknownValue;
            Kind kind;
            Optional<String> target;
            if (dynamic) {
                kind = arnRegion.isPresent() ? Kind.DYNAMIC_ARN : Kind.DYNAMIC_NAME;
                target = arnRegion.or(() -> reader);
            } else {
                kind = Kind.ARN;
                target = arnRegion.isPresent() ? arnRegion
                        : Tokens.containsToken(use.reference()) ? secret.region() : Optional.empty();
            }
            target.ifPresent(t -> out.add(new Read(use, secret, kind, reader.get(), t, regions.get())));
        }
        return out;
    }

    /** How messages name a secret: its {@code Name} where the template gives one, else its logical id. */
    static String name(Resource secret) {
        return secret.properties().textAt("Name").orElse(secret.displayName());
    }
}
