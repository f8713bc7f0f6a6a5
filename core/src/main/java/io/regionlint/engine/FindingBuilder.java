package io.regionlint.engine;

import io.regionlint.load.SourceRange;
import io.regionlint.model.Provenance;
import io.regionlint.model.Resource;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Refines a reported finding: the Regions involved, related places, a fingerprint key. */
public final class FindingBuilder {

    private final RuleDescriptor rule;
    private final Site site;
    private final String message;
    /** Names stacks in fingerprints (see {@link Topology#fingerprintName}). */
    private final Topology topology;
    private final TreeSet<String> regions = new TreeSet<>();
    private final List<Related> related = new ArrayList<>();
    private String key = "";
    private Optional<Severity> severity = Optional.empty();

    FindingBuilder(RuleDescriptor rule, Site site, String message, Topology topology) {
        this.rule = rule;
        this.site = site;
        this.message = message;
        this.topology = topology;
        site.resource().flatMap(Resource::region).ifPresent(regions::add);
    }

    /** Adds Regions involved besides the reported resource's own. */
    public FindingBuilder regions(Optional<String> region) {
        region.ifPresent(regions::add);
        return this;
    }

    /** Adds a related place: the peer resource, at a value of it (or at the resource). */
    public FindingBuilder related(Resource resource, Optional<Value> at, String why) {
        Site s = at.map(v -> Site.of(resource, v)).orElseGet(() -> Site.of(resource));
        related.add(new Related(why, Location.of(s.range(), s.pointer()), Optional.of(refOf(resource))));
        resource.region().ifPresent(regions::add);
        return this;
    }

    /** Adds a related place that no resource owns: the first of two equal keys. */
    public FindingBuilder related(SourceRange range, String why) {
        related.add(new Related(why, Location.of(range, Optional.empty()), Optional.empty()));
        return this;
    }

    /**
     * Distinguishes findings a rule reports more than once at the same node (say, one per
     * missing action), so each keeps its own fingerprint.
     */
    public FindingBuilder key(String distinguishingKey) {
        this.key = distinguishingKey;
        return this;
    }

    /**
     * Reports this finding at another severity than the rule's default: lower where the rule is
     * less certain (a condition it could not evaluate) or the problem is smaller. A severity the
     * user configures for the rule still applies to all of its findings.
     */
    public FindingBuilder severity(Severity findingSeverity) {
        this.severity = Optional.of(findingSeverity);
        return this;
    }

    /** True when the finding is reported at a resource AWS Config observed (deployed state). */
    boolean onObservedResource() {
        return site.resource().flatMap(Resource::observed).isPresent();
    }

    Finding build() {
        SourceRange range = site.range();
        return new Finding(rule.id(), rule.name(), severity.orElse(rule.severity()), Tokens.display(message),
                Location.of(range, site.pointer()), site.resource().map(FindingBuilder::refOf), related,
                List.copyOf(regions), fingerprint(), Optional.empty());
    }

    static ResourceRef refOf(Resource r) {
        Optional<Provenance.Observed> observed = r.observed();
        if (observed.isPresent()) {
            Provenance.Observed o = observed.get();
            // an item without a capture time still shows it came from Config: "unknown" stands in
            return new ResourceRef(r.stack().name(), r.logicalId(), r.type(), Optional.of(o.region()),
                    Optional.of(o.account()), Optional.empty(), Optional.of(o.arn()),
                    Optional.of(o.captureTime().orElse("unknown")));
        }
        return new ResourceRef(r.stack().name(), r.logicalId(), r.type(), r.region(), r.stack().account(),
                r.constructPath(), r.arn());
    }

    /**
     * Rule, stack and logical id (or, for CDK resources, construct path and Region) and property
     * path: never a line number. The stack is named by {@link Topology#fingerprintName} (its name
     * alone unless another loaded stack shares it), in the basis and in any token the
     * distinguishing key holds, so fingerprints made before stacks were keyed by account and
     * Region stay as they were.
     */
    private String fingerprint() {
        StringBuilder basis = new StringBuilder(rule.id()).append('|');
        Optional<Provenance.Observed> observed = site.resource().flatMap(Resource::observed);
        if (observed.isPresent()) {
            // an observed resource is its ARN (and account: IAM ARNs hold it, S3 ARNs do not) and
            // the property's place inside its item: neither file, line nor item order
            Provenance.Observed o = observed.get();
            String path = site.pointer().map(p -> p.startsWith(o.pointer()) ? p.substring(o.pointer().length()) : p)
                    .orElse("");
            basis.append("observed:").append(o.account()).append(':').append(o.arn()).append('|').append(path);
        } else if (site.resource().isPresent()) {
            Resource r = site.resource().get();
            String resourcePointer = "/Resources/" + r.logicalId().replace("~", "~0").replace("/", "~1");
            String path = site.pointer().map(p -> p.startsWith(resourcePointer)
                    ? p.substring(resourcePointer.length()) : p).orElse("");
            // a construct path survives a regenerated assembly; one environment-agnostic stack
            // deployed to several Regions has one construct path, so the Region joins it
            basis.append(r.constructPath().map(c -> c + "@" + r.region().orElse(""))
                    .orElse(topology.fingerprintKey(r))).append('|').append(path);
        } else {
            basis.append(site.range().file()).append('|')
                    .append(Tokens.withStackNames(message, topology::fingerprintName));
        }
        basis.append('|').append(Tokens.withStackNames(key, topology::fingerprintName));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
