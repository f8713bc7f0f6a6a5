package io.regionlint.model;

import io.regionlint.load.DocumentLoader;
import io.regionlint.load.InputError;
import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What snapshot bundles say they pulled (docs/snapshot-bundle.md): per account, Region and type,
 * whether "no item of this type here" means none exists ({@code coverage}: {@code complete}) or
 * nothing can be concluded ({@code failed}, {@code not-recorded}); and each pulled stack's
 * resource list, the physical id CloudFormation gave each logical id, which joins a declared
 * resource whose name CloudFormation generates to what Config recorded. Empty where the deployed
 * state came as plain snapshot files, which say nothing of the kind.
 */
public final class DeployedCoverage {

    /** How completely a type was pulled in one account and Region. */
    public enum Status { COMPLETE, FAILED, NOT_RECORDED }

    /** No bundle was read. */
    public static final DeployedCoverage NONE = new DeployedCoverage(Map.of(), Map.of(), Map.of());

    /**
     * One deployed stack's resource list, as an {@code AWS::CloudFormation::Stack} configuration
     * item records it ({@code StackResourceSummaries}).
     *
     * @param physicalIds physical id by logical id
     */
    public record StackList(String account, String region, String stackName, Map<String, String> physicalIds) {
        public StackList {
            physicalIds = Map.copyOf(physicalIds);
        }
    }

    /** By {@code account|region|type}. */
    private final Map<String, Status> byPlace;
    /** The manifest's {@code error} of a line that has one, by the same key. */
    private final Map<String, String> errorsByPlace;
    /** Physical ids by {@code account|region|stackName|logicalId}. */
    private final Map<String, String> physicalIds;

    private DeployedCoverage(Map<String, Status> byPlace, Map<String, String> errorsByPlace,
                             Map<String, String> physicalIds) {
        this.byPlace = Map.copyOf(byPlace);
        this.errorsByPlace = Map.copyOf(errorsByPlace);
        this.physicalIds = Map.copyOf(physicalIds);
    }

    /**
     * The coverage of the bundles whose manifests are given; a manifest that cannot be read, or a
     * coverage line of a status it does not know, is an input error in {@code errors} and adds nothing.
     */
    public static DeployedCoverage read(List<Path> manifests, Path baseDir, List<InputError> errors) {
        if (manifests.isEmpty()) {
            return NONE;
        }
        Map<String, Status> out = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        Map<String, String> why = new HashMap<>();
        DocumentLoader loader = new DocumentLoader();
        for (Path manifest : manifests) {
            Path base = baseDir.toAbsolutePath().normalize();
            Path shown = manifest.startsWith(base) ? base.relativize(manifest) : manifest;
            DocumentLoader.Result loaded = loader.load(manifest, shown.toString().replace('\\', '/'));
            loaded.error().ifPresent(errors::add);
            Optional<MapNode> root = loaded.document().map(d -> d.root()).filter(MapNode.class::isInstance)
                    .map(MapNode.class::cast);
            root.flatMap(r -> r.get("stacks")).filter(ListNode.class::isInstance)
                    .ifPresent(stacks -> readStacks((ListNode) stacks, manifest.getParent(), base, loader, ids, errors));
            Optional<Node> coverage = root.flatMap(r -> r.get("coverage"));
            if (coverage.isEmpty() || !(coverage.get() instanceof ListNode lines)) {
                continue;
            }
            for (Node line : lines.items()) {
                Optional<String> status = text(line, "status");
                Optional<Status> known = status.flatMap(DeployedCoverage::status);
                if (known.isEmpty()) {
                    errors.add(InputError.at(line.range(), "bundle manifest: a coverage line's status is "
                            + status.map(s -> "'" + s + "'").orElse("missing") + " (expected complete, failed or"
                            + " not-recorded)"));
                    continue;
                }
                String place = text(line, "account").orElse("?") + "|" + text(line, "region").orElse("?") + "|"
                        + text(line, "resourceType").orElse("?");
                out.put(place, known.get());
                text(line, "error").filter(e -> !e.isBlank()).ifPresent(e -> why.put(place, e));
            }
        }
        return new DeployedCoverage(out, why, ids);
    }

    /** Each stack's resources.json ({@code StackResourceSummaries}, as ListStackResources gives them). */
    private static void readStacks(ListNode stacks, Path bundle, Path base, DocumentLoader loader,
                                   Map<String, String> ids, List<InputError> errors) {
        for (Node stack : stacks.items()) {
            Optional<String> resources = text(stack, "resources");
            if (resources.isEmpty()) {
                continue; // the list could not be pulled: the manifest says so, and nothing is joined through it
            }
            Path file = bundle.resolve(resources.get()).normalize();
            if (!file.startsWith(bundle)) {
                errors.add(InputError.at(stack.range(), "bundle manifest: a stack's resources file '" + resources.get()
                        + "' is outside the bundle"));
                continue;
            }
            Path shown = file.startsWith(base) ? base.relativize(file) : file;
            DocumentLoader.Result loaded = loader.load(file, shown.toString().replace('\\', '/'));
            loaded.error().ifPresent(errors::add);
            String account = text(stack, "account").orElse("?");
            String region = text(stack, "region").orElse("?");
            String stackName = text(stack, "stackName").orElse("?");
            loaded.document().map(d -> d.root()).filter(MapNode.class::isInstance)
                    .flatMap(r -> ((MapNode) r).get("StackResourceSummaries")).filter(ListNode.class::isInstance)
                    .ifPresent(list -> ((ListNode) list).items().forEach(summary -> text(summary, "LogicalResourceId")
                            .ifPresent(logical -> text(summary, "PhysicalResourceId")
                                    .ifPresent(physical -> ids.put(stackKey(account, region, stackName, logical),
                                            physical)))));
        }
    }

    /**
     * This coverage with the resource lists of the stacks Config recorded: the physical ids they
     * give join like a pulled stack's, which wins where both name one logical id (the bundle's
     * list was pulled from CloudFormation itself).
     */
    public DeployedCoverage withStacks(List<StackList> stacks) {
        if (stacks.isEmpty()) {
            return this;
        }
        Map<String, String> ids = new HashMap<>();
        for (StackList stack : stacks) {
            stack.physicalIds().forEach((logical, physical) -> ids.put(stackKey(stack.account(), stack.region(),
                    stack.stackName(), logical), physical));
        }
        ids.putAll(physicalIds);
        return new DeployedCoverage(byPlace, errorsByPlace, ids);
    }

    /**
     * The physical id CloudFormation gave a logical id in a deployed stack; empty where neither a
     * bundle nor a Config stack item holds that stack's resource list.
     */
    public Optional<String> physicalId(Optional<String> account, String region, String stackName, String logicalId) {
        return Optional.ofNullable(physicalIds.get(stackKey(account.orElse("?"), region, stackName, logicalId)));
    }

    /** How the physical ids of stacks' resources are keyed: account, Region, stack and logical id. */
    private static String stackKey(String account, String region, String stackName, String logicalId) {
        return account + "|" + region + "|" + stackName + "|" + logicalId;
    }

    /**
     * What a bundle says about a type in a Region (of an account, or of any account when it is
     * not known: complete if any account's pull was); empty where no bundle says anything.
     */
    public Optional<Status> of(Optional<String> account, String region, String type) {
        if (account.isPresent()) {
            return Optional.ofNullable(byPlace.get(account.get() + "|" + region + "|" + type));
        }
        Optional<Status> any = Optional.empty();
        String suffix = "|" + region + "|" + type;
        for (Map.Entry<String, Status> e : byPlace.entrySet()) {
            if (e.getKey().endsWith(suffix)) {
                if (e.getValue() == Status.COMPLETE) {
                    return Optional.of(Status.COMPLETE);
                }
                any = Optional.of(e.getValue());
            }
        }
        return any;
    }

    /** The reason a bundle gives for a pull that was not complete (an error message for people). */
    public Optional<String> error(String account, String region, String type) {
        return Optional.ofNullable(errorsByPlace.get(account + "|" + region + "|" + type));
    }

    public boolean isEmpty() {
        return byPlace.isEmpty() && physicalIds.isEmpty();
    }

    private static Optional<Status> status(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "complete" -> Optional.of(Status.COMPLETE);
            case "failed" -> Optional.of(Status.FAILED);
            case "not-recorded" -> Optional.of(Status.NOT_RECORDED);
            default -> Optional.empty();
        };
    }

    private static Optional<String> text(Node node, String key) {
        return node instanceof MapNode m ? m.get(key).filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).text()) : Optional.empty();
    }
}
