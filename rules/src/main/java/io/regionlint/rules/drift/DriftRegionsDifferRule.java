package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.DeployedOrigin;
import io.regionlint.model.MapValue;
import io.regionlint.model.Resource;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * RL8004: twin resources (one logical id in the instances of one stack group in several Regions:
 * a project entry deployed to several Regions, a stack set, a CDK construct in several Regional
 * stages) differ in a setting that decides how each Region survives the other's failure:
 * versioning, a replication rule's switches, point-in-time recovery, deletion protection,
 * capacity mode, engine version, backup retention, key rotation. Region-natured values are not
 * differences: Region codes, account ids and partitions in text are replaced by placeholders
 * before comparing (a rule {@code to-us-west-2} in us-east-1 matches {@code to-us-east-1} in
 * us-west-2). Reported once per twin and setting: with three Regions or more at each twin whose
 * value is not the most common one, with two at the twin whose value switches a protection off
 * ({@code Disabled}, {@code Suspended}, {@code false}) where only one does, else at the twin in
 * the later Region (by code), the other twin's value as the related place. Deployed resources that
 * no template declares are twins too: one CloudFormation logical id in stacks whose names differ
 * only by a Region code ({@code app-us-east-1}, {@code app-us-west-2}), read from the tags
 * CloudFormation puts on them and AWS Config records.
 */
@RuleInfo(id = "RL8004", summary = "Twin resources in two Regions differ where they should match",
        severity = Severity.WARNING, category = "drift", since = "0.1.0")
public final class DriftRegionsDifferRule implements Rule {

    private static final Pattern ACCOUNT = Pattern.compile("\\b\\d{12}\\b");
    private static final Pattern PARTITION = Pattern.compile("arn:aws(?:-[a-z-]+)?:");

    /** Values that switch a protection off: where only one twin has one, that twin is the outlier. */
    private static final java.util.Set<String> WEAK = java.util.Set.of("disabled", "suspended", "false");

    /** One compared setting of a type. */
    private record Setting(String type, String label, Function<MapValue, Optional<Value>> read) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("AWS::S3::Bucket", "VersioningConfiguration.Status",
                    p -> p.at("VersioningConfiguration", "Status")),
            new Setting("AWS::DynamoDB::Table", "BillingMode", p -> p.get("BillingMode")),
            new Setting("AWS::DynamoDB::Table", "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
                    p -> p.at("PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")),
            new Setting("AWS::DynamoDB::Table", "DeletionProtectionEnabled", p -> p.get("DeletionProtectionEnabled")),
            new Setting("AWS::DynamoDB::Table", "ProvisionedThroughput.ReadCapacityUnits",
                    p -> p.at("ProvisionedThroughput", "ReadCapacityUnits")),
            new Setting("AWS::DynamoDB::Table", "ProvisionedThroughput.WriteCapacityUnits",
                    p -> p.at("ProvisionedThroughput", "WriteCapacityUnits")),
            new Setting("AWS::RDS::DBCluster", "EngineVersion", p -> p.get("EngineVersion")),
            new Setting("AWS::RDS::DBCluster", "DeletionProtection", p -> p.get("DeletionProtection")),
            new Setting("AWS::RDS::DBCluster", "BackupRetentionPeriod", p -> p.get("BackupRetentionPeriod")),
            new Setting("AWS::RDS::DBCluster", "StorageEncrypted", p -> p.get("StorageEncrypted")),
            new Setting("AWS::KMS::Key", "EnableKeyRotation", p -> p.get("EnableKeyRotation")),
            new Setting("AWS::KMS::Key", "MultiRegion", p -> p.get("MultiRegion")));

    /** A replication rule's switches, compared per rule (joined by its Id with Region placeholders). */
    private static final List<String[]> RULE_SWITCHES = List.of(new String[] {"Status"},
            new String[] {"DeleteMarkerReplication", "Status"},
            new String[] {"SourceSelectionCriteria", "ReplicaModifications", "Status"},
            new String[] {"SourceSelectionCriteria", "SseKmsEncryptedObjects", "Status"},
            new String[] {"Destination", "ReplicationTime", "Status"});

    @Override
    public void check(RuleContext context) {
        Map<String, List<Resource>> groups = new TreeMap<>();
        DeclaredDeployed joined = null;
        for (Resource r : context.topology().resources()) {
            if (r.observed().isEmpty() && !r.conditionUnknown() && r.region().isPresent()) {
                groups.computeIfAbsent(r.stack().group() + "\n" + r.logicalId(), k -> new ArrayList<>()).add(r);
            } else if (r.observed().isPresent() && r.region().isPresent()) {
                // live twins: one logical id in the stacks whose names differ only by their Region
                // (CloudFormation's tags on the items); a resource joined to its template is
                // compared with it instead (RL8001, RL8005), never twice
                joined = joined == null ? DeclaredDeployed.of(context.topology()) : joined;
                Optional<String> twins = DeployedOrigin.of(r).flatMap(DeployedOrigin::twinKey);
                if (twins.isPresent() && joined.declaredOf(r).isEmpty()) {
                    groups.computeIfAbsent("live\n" + twins.get(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        for (List<Resource> twins : groups.values()) {
            if (twins.stream().map(r -> r.region().get()).distinct().count() < 2) {
                continue;
            }
            twins.sort(Comparator.comparing((Resource r) -> r.region().get()));
            for (Setting s : SETTINGS) {
                if (twins.get(0).isType(s.type())) {
                    compare(context, twins, s.label(), r -> s.read().apply(r.properties()));
                }
            }
            if (twins.get(0).isType("AWS::S3::Bucket")) {
                replicationRules(context, twins);
            }
        }
    }

    /** Where the twins come from: the stack group and logical id, read from CloudFormation's tags when deployed. */
    private static String origin(Resource r) {
        Optional<DeployedOrigin> deployed = DeployedOrigin.of(r);
        if (deployed.isPresent()) {
            return "logical id '" + deployed.get().logicalId() + "' of the deployed stacks '"
                    + deployed.get().stackGroup().orElse(deployed.get().stackName()) + "'";
        }
        return "stack '" + r.stack().group() + "', logical id '" + r.logicalId() + "'";
    }

    private static void replicationRules(RuleContext context, List<Resource> twins) {
        Map<String, Map<Resource, MapValue>> byId = new TreeMap<>();
        for (Resource r : twins) {
            for (MapValue rule : Differences.rules(r)) {
                rule.textAt("Id").map(DriftRegionsDifferRule::placeholders)
                        .ifPresent(id -> byId.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(r, rule));
            }
        }
        byId.forEach((id, rules) -> {
            List<Resource> holders = twins.stream().filter(rules::containsKey).toList();
            for (String[] path : RULE_SWITCHES) {
                compare(context, holders, "replication rule '" + id + "' " + String.join(".", path),
                        r -> rules.get(r).at(path));
            }
        });
    }

    private static void compare(RuleContext context, List<Resource> twins, String label,
                                Function<Resource, Optional<Value>> read) {
        Map<Resource, Value> values = new LinkedHashMap<>();
        Map<Resource, String> normalised = new LinkedHashMap<>();
        for (Resource r : twins) {
            Optional<Value> v = read.apply(r);
            Optional<String> n = v.flatMap(Differences::number).map(DriftRegionsDifferRule::placeholders);
            if (v.isEmpty() || n.isEmpty()) {
                return; // a twin that does not state it (a default) or an unknown value: not comparable
            }
            values.put(r, v.get());
            normalised.put(r, n.get());
        }
        if (values.size() < 2 || normalised.values().stream().distinct().count() < 2) {
            return;
        }
        Map<String, Long> counts = new TreeMap<>();
        normalised.values().forEach(n -> counts.merge(n, 1L, Long::sum));
        long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        boolean tie = counts.values().stream().filter(c -> c == most).count() > 1;
        List<Resource> ordered = new ArrayList<>(values.keySet());
        // a tie (two Regions): the twin with the weaker value, where exactly one has it, else the later Region
        List<Resource> weak = ordered.stream().filter(r -> WEAK.contains(normalised.get(r))).toList();
        Resource tieOutlier = weak.size() == 1 ? weak.get(0) : ordered.get(ordered.size() - 1);
        for (Resource r : ordered) {
            String mine = normalised.get(r);
            boolean outlier = tie ? r == tieOutlier : counts.get(mine) < most;
            if (!outlier) {
                continue;
            }
            Resource other = ordered.stream().filter(o -> !normalised.get(o).equals(mine))
                    .filter(o -> tie || counts.get(normalised.get(o)) == most).findFirst().orElseThrow();
            Value at = values.get(r);
            Value theirs = values.get(other);
            context.report(Site.of(r, at), r.type().replace("AWS::", "") + " " + DeclaredDeployed.describe(r)
                            + " and its twin " + DeclaredDeployed.describe(other) + " (" + origin(r) + ") differ: " + label + " is '"
                            + at.text().orElse(mine) + "' in " + r.region().get() + " but '"
                            + theirs.text().orElse(normalised.get(other)) + "' in " + other.region().get()
                            + "; twins should match so that either Region can take over the other's load: make"
                            + " the value the same in every Region, or suppress this finding where the"
                            + " difference is meant")
                    .related(other, Optional.of(theirs), "the twin in " + other.region().get())
                    .key(label);
        }
    }

    /** Text with Region codes, account ids and partitions replaced, so Regional values compare equal. */
    static String placeholders(String text) {
        String out = DeployedOrigin.regionless(text);
        out = ACCOUNT.matcher(out).replaceAll("{Account}");
        return PARTITION.matcher(out).replaceAll("arn:{Partition}:");
    }
}
