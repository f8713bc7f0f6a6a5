package io.regionlint.rules.iam;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.IamPatterns;
import io.regionlint.model.ListValue;
import io.regionlint.model.MapValue;
import io.regionlint.model.PolicyStatement;
import io.regionlint.model.ReplicationRule;
import io.regionlint.model.Resource;
import io.regionlint.model.RolePermissions;
import io.regionlint.model.StackInstance;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * RL5005: the role S3 assumes to replicate grants more than replication needs, or can be assumed
 * by someone other than Amazon S3. Checks each Allow statement of the role's policies once (a
 * policy shared by several roles, or a role shared by several buckets, is reported once).
 */
@RuleInfo(id = "RL5005", summary = "A replication role's policies or trust policy reach beyond S3 replication",
        severity = Severity.ERROR, category = "iam", since = "0.1.0")
public final class ReplicationRoleUnscopedRule implements Rule {

    private static final Set<String> TRUSTED_SERVICES = Set.of("s3.amazonaws.com", "batchoperations.s3.amazonaws.com");
    /** Names no real bucket, action or key: a pattern that matches them matches every one. */
    private static final String PROBE_NAME = "regionlint-probe-any-name";
    private static final String PROBE_KEY = "regionlint-probe-object";
    private static final String PROBE_ACTION = "regionlintprobeanyaction";
    private static final String UNKNOWN_ACCOUNT = "000000000000";

    @Override
    public void check(RuleContext ctx) {
        Topology topology = ctx.topology();
        LoadedBuckets loadedBuckets = new LoadedBuckets(topology.resources(ReplicationRoles.BUCKET).stream()
                .map(ReplicationRoles::bucketArn).toList());
        Set<String> regions = topology.stacks().stream().map(StackInstance::region).flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> reported = new HashSet<>();
        for (ReplicationRoles.Use use : ReplicationRoles.of(topology)) {
            Optional<RolePermissions> permissions = topology.permissions(use.role());
            if (permissions.isEmpty()) {
                continue;
            }
            for (PolicyStatement statement : permissions.get().statements()) {
                if (statement.allow()) {
                    checkActions(ctx, use, statement, reported);
                    checkResources(ctx, use, statement, loadedBuckets, regions, reported);
                }
            }
            for (PolicyStatement statement : permissions.get().trust()) {
                if (statement.allow()) {
                    checkTrust(ctx, use, statement, reported);
                }
            }
        }
    }

    // ---- actions ----------------------------------------------------------------------------

    private static void checkActions(RuleContext ctx, ReplicationRoles.Use use, PolicyStatement s, Set<String> reported) {
        if (s.notAction()) {
            Optional<Value> at = s.value("NotAction");
            if (at.isPresent() && firstReport(reported, s, at.get(), "action")) {
                report(ctx, use, s, at.get(), "action", role(use) + " is allowed every action except "
                        + quoted(s.actions()) + " " + by(use, s) + "; replace NotAction with the replication actions "
                        + "it needs (s3:GetReplicationConfiguration, s3:ListBucket, s3:GetObjectVersion*, "
                        + "s3:Replicate*)");
            }
            return;
        }
        List<String> unscoped = s.actions().stream().filter(ReplicationRoleUnscopedRule::coversEveryS3Action).toList();
        Optional<Value> at = s.value("Action");
        if (!unscoped.isEmpty() && at.isPresent() && firstReport(reported, s, at.get(), "action")) {
            report(ctx, use, s, at.get(), "action", role(use) + " is allowed every S3 action (" + quoted(unscoped)
                    + ") " + by(use, s) + "; list only the replication actions it needs "
                    + "(s3:GetReplicationConfiguration, s3:ListBucket, s3:GetObjectVersion*, s3:Replicate*)");
        }
    }

    /** True for {@code *}, {@code s3:*} and any other pattern that matches an arbitrary S3 action. */
    private static boolean coversEveryS3Action(String action) {
        return IamPatterns.matches(action.toLowerCase(Locale.ROOT), "s3:" + PROBE_ACTION);
    }

    private static boolean coversService(PolicyStatement s, String service) {
        if (s.notAction()) {
            return s.coversAction(service + ":" + PROBE_ACTION);
        }
        return s.actions().stream().map(a -> a.toLowerCase(Locale.ROOT))
                .anyMatch(a -> a.startsWith(service + ":") || IamPatterns.matches(a, service + ":" + PROBE_ACTION));
    }

    // ---- resources --------------------------------------------------------------------------

    private static void checkResources(RuleContext ctx, ReplicationRoles.Use use, PolicyStatement s,
                                       LoadedBuckets loadedBuckets, Set<String> regions, Set<String> reported) {
        String element = s.notResource() ? "NotResource" : "Resource";
        Optional<Value> at = s.value(element);
        if (at.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        boolean certain = false;
        if (coversService(s, "s3")) {
            ConditionScope scope = ConditionScope.forS3(s);
            String accounts = scope.accounts().isEmpty() ? "" : " (in account " + String.join(" or ",
                    scope.accounts()) + " only, by its ResourceAccount condition)";
            int before = problems.size();
            if (s.notResource() && s.coversResource(probeBucket(use))) {
                problems.add("is allowed S3 actions on every bucket except " + quoted(s.resources()) + " (NotResource)"
                        + accounts + scope.unlessNotEvaluated());
            } else {
                List<String> wide = s.notResource() ? List.of()
                        : s.resources().stream().filter(r -> s3Unscoped(r, use, loadedBuckets)).toList();
                if (!wide.isEmpty()) {
                    problems.add("is allowed S3 actions on " + quoted(wide) + accounts + ", which reaches buckets "
                            + "other than the ones it replicates between (" + quoted(use.bucketArns()) + ")"
                            + scope.unlessNotEvaluated());
                }
            }
            if (problems.size() > before) {
                fixes.add("name only those bucket ARNs and their objects (ARN + '/*') under Resource");
                certain |= scope.notEvaluated().isEmpty();
            }
        }
        if (coversService(s, "kms") && !s.hasConditionKey("kms:ViaService")) {
            Set<String> keyRegions = regions(use, regions);
            List<String> wide;
            if (s.notResource()) {
                wide = keyRegions.stream().anyMatch(region -> s.coversResource(probeKey(use, region)))
                        ? List.of("every key except " + quoted(s.resources()) + " (NotResource)") : List.of();
            } else {
                wide = s.resources().stream().filter(r -> keyRegions.stream()
                        .anyMatch(region -> IamPatterns.matches(r, probeKey(use, region)))).map(r -> "'" + r + "'")
                        .toList();
            }
            if (!wide.isEmpty()) {
                KmsReach reach = kmsReach(use, s, String.join(", ", wide));
                reach.problem().ifPresent(problems::add);
                reach.fix().ifPresent(fixes::add);
                certain |= reach.problem().isPresent() && reach.certain();
            }
        }
        if (!problems.isEmpty() && firstReport(reported, s, at.get(), "resource")) {
            report(ctx, use, s, at.get(), "resource", role(use) + " " + String.join(" and ", problems) + " "
                    + by(use, s) + "; " + String.join(", and ", fixes))
                    .severity(certain ? Severity.ERROR : Severity.WARNING);
        }
    }

    /**
     * What a KMS statement whose resources match every key really reaches once its conditions are
     * read. Without conditions, or with only ones that do not narrow the keys, it is every key of
     * the account: certain, an error. Limited by alias or encryption context, it is any key (in
     * any account) that passes them: broader than replication needs, a warning naming the
     * tighter Resource. Limited to other accounts by aws:ResourceAccount, it is like naming those
     * accounts' keys, which this rule accepts. A test not evaluated makes the finding uncertain.
     *
     * @param certain true when nothing left unevaluated could narrow the statement
     */
    private record KmsReach(Optional<String> problem, Optional<String> fix, boolean certain) {
    }

    private static KmsReach kmsReach(ReplicationRoles.Use use, PolicyStatement s, String wide) {
        ConditionScope scope = ConditionScope.forKms(s);
        Optional<String> ownAccount = use.role().stack().account();
        String notes = scope.notes().isEmpty() ? "" : " (" + String.join("; ", scope.notes()) + ")";
        String accounts = "";
        if (!scope.accounts().isEmpty()) {
            if (ownAccount.isPresent() && !scope.accounts().contains(ownAccount.get())) {
                return new KmsReach(Optional.empty(), Optional.empty(), true); // other accounts' keys only
            }
            accounts = " of account " + String.join(" or ", scope.accounts()) + " (aws:ResourceAccount)";
        }
        if (!scope.narrowings().isEmpty()) {
            String where = accounts.isEmpty() ? ", in any account," : accounts + ",";
            return new KmsReach(Optional.of("is allowed KMS actions on any key" + where + " "
                    + String.join(" and ", scope.narrowings()) + " (Resource " + wide + ")"
                    + scope.unlessNotEvaluated() + notes),
                    Optional.of("name the keys themselves under Resource (" + replicaKeyResources(use)
                            + ") instead of '*' with an alias or context condition"), false);
        }
        String every = accounts.isEmpty() ? "every key" : "every key" + accounts;
        return new KmsReach(Optional.of("is allowed KMS actions on " + every + " (" + wide
                + ") without a kms:ViaService condition" + scope.unlessNotEvaluated() + notes),
                Optional.of("name the source and replica key ARNs, or add a kms:ViaService condition "
                        + "(s3.REGION.amazonaws.com)"), scope.notEvaluated().isEmpty());
    }

    /**
     * The Resource that names the keys the role's replication rules use: a replica key's ARN as
     * written; for an alias ARN, the keys of that alias's account and Region (the source account
     * cannot know a destination key's id, which is why the alias condition is used).
     */
    private static String replicaKeyResources(ReplicationRoles.Use use) {
        Set<String> out = new TreeSet<>();
        for (ReplicationRule rule : use.rules()) {
            Optional<String> key = rule.rule().at("Destination", "EncryptionConfiguration", "ReplicaKmsKeyID")
                    .flatMap(Value::text).filter(t -> !io.regionlint.model.Tokens.containsToken(t));
            if (key.isEmpty()) {
                continue;
            }
            Matcher arn = KMS_ARN.matcher(key.get());
            if (arn.matches()) {
                out.add(arn.group(2).equals("key") ? key.get() : arn.group(1) + ":key/*");
            }
        }
        if (out.isEmpty()) {
            return "the replica key's ARN, or arn:" + use.role().partition()
                    + ":kms:REGION:DESTINATION-ACCOUNT:key/* for the destination account's keys";
        }
        return quoted(out);
    }

    private static final Pattern KMS_ARN = Pattern.compile("(arn:[^:]+:kms:[^:]+:\\d{12}):(key|alias)/.+");

    /**
     * True when the pattern matches every bucket, or is a wildcard that matches a loaded bucket
     * the role does not replicate between. When a destination of the role is unknown, a loaded
     * bucket may be that destination, so only the every-bucket test applies.
     */
    private static boolean s3Unscoped(String pattern, ReplicationRoles.Use use, LoadedBuckets loadedBuckets) {
        String probe = probeBucket(use);
        if (IamPatterns.matches(pattern, probe) || IamPatterns.matches(pattern, probe + "/" + PROBE_KEY)) {
            return true;
        }
        if (!IamPatterns.hasWildcard(pattern) || !use.destinationsKnown()) {
            return false;
        }
        return loadedBuckets.candidates(pattern).stream().filter(arn -> !use.serves(arn))
                .anyMatch(arn -> IamPatterns.matches(pattern, arn) || IamPatterns.matches(pattern, arn + "/" + PROBE_KEY));
    }

    /**
     * The ARNs of the loaded buckets, sorted, so that the buckets a pattern can match are found
     * by the pattern's literal bucket-name prefix instead of by trying every bucket: a policy
     * naming {@code arn:aws:s3:::orders-us-east-1/*} looks at one bucket, not all of them.
     */
    static final class LoadedBuckets {

        private static final Pattern S3_PATTERN = Pattern.compile("(arn:[^:]*:s3:::)([^/]*)(/.*)?");
        private final java.util.NavigableSet<String> arns;

        LoadedBuckets(List<String> arns) {
            this.arns = new TreeSet<>(arns);
        }

        /** The loaded bucket ARNs that the pattern may match (a superset; callers still match). */
        java.util.Collection<String> candidates(String pattern) {
            Matcher m = S3_PATTERN.matcher(pattern);
            if (!m.matches() || IamPatterns.hasWildcard(m.group(1))) {
                return arns; // a pattern whose partition or service is a wildcard: try them all
            }
            String bucket = m.group(2);
            int wildcard = firstWildcard(bucket);
            if (wildcard < 0) {
                String arn = m.group(1) + bucket;
                return arns.contains(arn) ? List.of(arn) : List.of();
            }
            String prefix = m.group(1) + bucket.substring(0, wildcard);
            return arns.subSet(prefix, true, prefix + Character.MAX_VALUE, true);
        }

        private static int firstWildcard(String text) {
            int star = text.indexOf('*');
            int question = text.indexOf('?');
            return star < 0 ? question : question < 0 ? star : Math.min(star, question);
        }
    }

    private static String probeBucket(ReplicationRoles.Use use) {
        return "arn:" + use.role().partition() + ":s3:::" + PROBE_NAME;
    }

    private static Set<String> regions(ReplicationRoles.Use use, Set<String> regions) {
        Set<String> all = new TreeSet<>(regions);
        use.role().region().ifPresent(all::add);
        if (all.isEmpty()) {
            all.add("us-east-1");
        }
        return all;
    }

    private static String probeKey(ReplicationRoles.Use use, String region) {
        return "arn:" + use.role().partition() + ":kms:" + region + ":"
                + use.role().stack().account().orElse(UNKNOWN_ACCOUNT) + ":key/" + PROBE_NAME;
    }

    // ---- trust ------------------------------------------------------------------------------

    private static void checkTrust(RuleContext ctx, ReplicationRoles.Use use, PolicyStatement s, Set<String> reported) {
        Optional<Value> notPrincipal = s.value("NotPrincipal");
        if (notPrincipal.isPresent()) {
            if (firstReport(reported, s, notPrincipal.get(), "trust")) {
                report(ctx, use, s, notPrincipal.get(), "trust", role(use) + " can be assumed by every principal "
                        + "not listed under NotPrincipal; trust only the service principal s3.amazonaws.com (and "
                        + "batchoperations.s3.amazonaws.com for Batch Replication)");
            }
            return;
        }
        Optional<Value> principal = s.value("Principal");
        if (principal.isEmpty()) {
            return;
        }
        List<String> others = new ArrayList<>();
        if (principal.get().text().isPresent()) {
            others.add("'" + principal.get().text().get() + "'");
        } else if (principal.get() instanceof MapValue map) {
            for (Map.Entry<String, Value> entry : map.entries().entrySet()) {
                for (String name : texts(entry.getValue())) {
                    if (!(entry.getKey().equals("Service") && TRUSTED_SERVICES.contains(name))) {
                        others.add(entry.getKey() + " '" + name + "'");
                    }
                }
            }
        }
        if (!others.isEmpty() && firstReport(reported, s, principal.get(), "trust")) {
            report(ctx, use, s, principal.get(), "trust", role(use) + " can be assumed by "
                    + String.join(", ", others) + ", not only by Amazon S3; trust only the service principal "
                    + "s3.amazonaws.com (and batchoperations.s3.amazonaws.com for Batch Replication)");
        }
    }

    /** The known texts of a scalar or list; unknown items are left out (never read as a principal). */
    private static List<String> texts(Value value) {
        List<Value> items = value instanceof ListValue list ? list.items() : List.of(value);
        return items.stream().map(Value::text).flatMap(Optional::stream).toList();
    }

    // ---- reporting --------------------------------------------------------------------------

    /**
     * True the first time a problem of a statement is seen. A policy attached to several roles is
     * parsed once per role, so statements are told apart by owner, place and content.
     */
    private static boolean firstReport(Set<String> reported, PolicyStatement s, Value at, String kind) {
        return reported.add(s.owner().key() + "|" + at.pointer() + "|" + kind + "|" + s.actions() + "|"
                + s.resources() + "|" + s.value("Principal").map(Value::pointer).orElse(""));
    }

    private static FindingBuilder report(RuleContext ctx, ReplicationRoles.Use use, PolicyStatement s, Value at,
                                         String kind, String message) {
        FindingBuilder finding = ctx.report(Site.of(s.owner(), at), message)
                .key(kind + "|" + s.actions() + "|" + s.resources());
        if (!s.owner().key().equals(use.role().key())) {
            finding.related(use.role(), Optional.empty(), "the replication role this policy is attached to");
        }
        return finding;
    }

    private static String role(ReplicationRoles.Use use) {
        return "Replication role " + use.role().describe();
    }

    private static String by(ReplicationRoles.Use use, PolicyStatement s) {
        Resource owner = s.owner();
        return owner.key().equals(use.role().key()) ? "in its inline policy" : "in policy '" + owner.displayName() + "'";
    }

    private static String quoted(java.util.Collection<String> texts) {
        return texts.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "));
    }
}
