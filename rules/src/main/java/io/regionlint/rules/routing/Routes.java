package io.regionlint.rules.routing;

import io.regionlint.engine.RuleContext;
import io.regionlint.engine.Site;
import io.regionlint.model.DnsRecord;
import io.regionlint.model.Resource;
import io.regionlint.model.Value;
import java.util.Arrays;
import java.util.Optional;

/** What the routing rules share: where a record's finding points, numeric options, names. */
final class Routes {

    private Routes() {
    }

    /** The deepest value of the record on the path that is there; else the record itself. */
    static Site site(DnsRecord record, String... path) {
        for (int n = path.length; n > 0; n--) {
            Optional<Value> at = record.spec().lookup(Arrays.copyOf(path, n));
            if (at.isPresent()) {
                return Site.of(record.resource(), at.get());
            }
        }
        return record.index() < 0 ? Site.of(record.resource()) : Site.of(record.resource(), record.spec());
    }

    /** The first of the record's properties that is there (alternatives, not a path); else the record. */
    static Site siteAny(DnsRecord record, String... keys) {
        for (String key : keys) {
            Optional<Value> at = record.spec().get(key);
            if (at.isPresent()) {
                return Site.of(record.resource(), at.get());
            }
        }
        return site(record);
    }

    /**
     * Where a finding about a record's health evaluation points: its HealthCheckId, else its
     * alias target's EvaluateTargetHealth (or the alias target), else its SetIdentifier.
     */
    static Site healthSite(DnsRecord record) {
        if (record.get("HealthCheckId").isPresent()) {
            return siteAny(record, "HealthCheckId");
        }
        if (record.isAlias()) {
            return site(record, "AliasTarget", "EvaluateTargetHealth");
        }
        return siteAny(record, "SetIdentifier", "Failover");
    }

    /** The deepest value of the resource's properties on the path; else the resource. */
    static Site site(Resource resource, String... path) {
        for (int n = path.length; n > 0; n--) {
            Optional<Value> at = resource.properties().lookup(Arrays.copyOf(path, n));
            if (at.isPresent()) {
                return Site.of(resource, at.get());
            }
        }
        return Site.of(resource);
    }

    /** The value a related place points at: the record's entry in its group, or nothing for a RecordSet. */
    static Optional<Value> relatedAt(DnsRecord record) {
        return record.index() < 0 ? Optional.empty() : Optional.of(record.spec());
    }

    /** "in stack 'dns' (us-east-1)": where a record is declared, for messages about several stacks. */
    static String where(DnsRecord record) {
        return "in stack '" + record.resource().stack().name() + "' (" + record.resource().stack().regionLabel() + ")";
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
