package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.ListValue;
import io.regionlint.model.MapValue;
import io.regionlint.model.Resource;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * RL8001: a deployed resource (as AWS Config recorded it) differs from its template in a setting
 * that decides how it survives a Region: replication, versioning, replica Regions and capacity,
 * engine version, deletion protection, multi-Region keys. Only settings the template states are
 * compared (an absent one is CloudFormation's or the service's default, which Config records as a
 * value), values are normalised (ARN or name, case of enumerations, order of Region sets), and an
 * unknown template value is never drift.
 */
@RuleInfo(id = "RL8001", summary = "A deployed resource's property differs from its template", severity = Severity.WARNING,
        category = "drift", since = "0.1.0")
public final class DriftPropertyChangedRule implements Rule {

    /** One compared setting: what it is called in messages and how to read it from either side. */
    private record Setting(String type, String label, Function<MapValue, Optional<Value>> read,
                           Function<Value, Optional<String>> normalise) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("AWS::S3::Bucket", "VersioningConfiguration.Status",
                    p -> p.at("VersioningConfiguration", "Status"), DriftPropertyChangedRule::word),
            new Setting("AWS::DynamoDB::GlobalTable", "Replicas (their Regions)",
                    p -> p.get("Replicas"), v -> regions(v, "Region")),
            new Setting("AWS::DynamoDB::GlobalTable", "BillingMode", p -> p.get("BillingMode"),
                    DriftPropertyChangedRule::word),
            new Setting("AWS::RDS::DBCluster", "EngineVersion", p -> p.get("EngineVersion"),
                    DriftPropertyChangedRule::word),
            new Setting("AWS::RDS::DBCluster", "DeletionProtection", p -> p.get("DeletionProtection"),
                    DriftPropertyChangedRule::word),
            new Setting("AWS::RDS::DBCluster", "BackupRetentionPeriod", p -> p.get("BackupRetentionPeriod"),
                    DriftPropertyChangedRule::word),
            new Setting("AWS::SecretsManager::Secret", "ReplicaRegions (their Regions)",
                    p -> p.get("ReplicaRegions"), v -> regions(v, "Region")),
            new Setting("AWS::KMS::Key", "MultiRegion", p -> p.get("MultiRegion"), DriftPropertyChangedRule::word));

    @Override
    public void check(RuleContext context) {
        for (DeclaredDeployed.Pair pair : DeclaredDeployed.of(context.topology()).pairs()) {
            Resource declared = pair.declared();
            Resource observed = pair.observed();
            for (Setting s : SETTINGS) {
                if (declared.isType(s.type())) {
                    compare(context, declared, observed, s.label(), s.read().apply(declared.properties()),
                            s.read().apply(observed.properties()), s.normalise());
                }
            }
            if (declared.isType("AWS::S3::Bucket")) {
                replication(context, declared, observed);
            }
        }
    }

    /** Each replication rule the template declares, by Id: deployed, enabled, to the same bucket. */
    private static void replication(RuleContext context, Resource declared, Resource observed) {
        for (MapValue rule : rules(declared)) {
            Optional<String> id = rule.get("Id").flatMap(Value::text);
            if (id.isEmpty()) {
                continue; // CloudFormation generates the id of a rule without one: nothing to join on
            }
            Optional<MapValue> deployed = rules(observed).stream()
                    .filter(r -> r.get("Id").flatMap(Value::text).equals(id)).findFirst();
            String label = "replication rule '" + id.get() + "'";
            if (deployed.isEmpty()) {
                if (observed.properties().get("ReplicationConfiguration").isPresent() || rules(declared).size() > 0) {
                    report(context, declared, observed, rule, Optional.empty(), label + " is declared in the template"
                            + " but not deployed");
                }
                continue;
            }
            compare(context, declared, observed, label + " Status", rule.get("Status"), deployed.get().get("Status"),
                    DriftPropertyChangedRule::word);
            compare(context, declared, observed, label + " destination", rule.at("Destination", "Bucket"),
                    deployed.get().at("Destination", "Bucket"), DriftPropertyChangedRule::bucket);
        }
    }

    private static List<MapValue> rules(Resource r) {
        List<MapValue> out = new ArrayList<>();
        if (r.properties().at("ReplicationConfiguration", "Rules").orElse(null) instanceof ListValue list) {
            list.items().stream().filter(MapValue.class::isInstance).map(MapValue.class::cast).forEach(out::add);
        }
        return out;
    }

    private static void compare(RuleContext context, Resource declared, Resource observed, String label,
                                Optional<Value> template, Optional<Value> deployed,
                                Function<Value, Optional<String>> normalise) {
        if (template.isEmpty() || deployed.isEmpty()) {
            return; // not stated in the template (a default), or not recorded by Config
        }
        Optional<String> was = normalise.apply(template.get());
        Optional<String> is = normalise.apply(deployed.get());
        if (was.isEmpty() || is.isEmpty() || was.get().equals(is.get())) {
            return;
        }
        report(context, declared, observed, template.get(), deployed, label + " is " + shown(template.get(), was.get())
                + " in the template but " + shown(deployed.get(), is.get()) + " where it is deployed");
    }

    private static void report(RuleContext context, Resource declared, Resource observed, Value at,
                               Optional<Value> deployedAt, String what) {
        String captured = observed.observed().flatMap(o -> o.captureTime()).map(t -> ", captured " + t).orElse("");
        context.report(Site.of(declared, at), declared.type().replace("AWS::", "") + " " + declared.describe() + ": "
                        + what + " (AWS Config" + captured + "); deploy the template again to restore it, or write"
                        + " the deployed value into the template if the change was meant")
                .related(observed, deployedAt.or(() -> Optional.of(observed.properties())), "what AWS Config recorded")
                .key(what);
    }

    private static String shown(Value v, String normalised) {
        return v instanceof ListValue ? "[" + normalised + "]" : "'" + v.text().orElse(normalised) + "'";
    }

    /** A scalar compared without case and surrounding space ("Enabled", "enabled", "true", "True"). */
    private static Optional<String> word(Value v) {
        return v.isUnknown() ? Optional.empty() : v.text().map(t -> t.trim().toLowerCase(Locale.ROOT));
    }

    /** A bucket named by ARN or by name. */
    private static Optional<String> bucket(Value v) {
        return word(v).map(t -> t.startsWith("arn:") ? t.substring(t.lastIndexOf(':') + 1) : t);
    }

    /** The set of Regions of a list of maps (replicas), sorted; empty when one is not known. */
    private static Optional<String> regions(Value v, String key) {
        if (!(v instanceof ListValue list)) {
            return Optional.empty();
        }
        TreeSet<String> out = new TreeSet<>();
        for (Value item : list.items()) {
            Optional<String> region = item instanceof MapValue m ? m.get(key).flatMap(DriftPropertyChangedRule::word)
                    : Optional.empty();
            if (region.isEmpty()) {
                return Optional.empty();
            }
            out.add(region.get());
        }
        return Optional.of(String.join(", ", out));
    }
}
