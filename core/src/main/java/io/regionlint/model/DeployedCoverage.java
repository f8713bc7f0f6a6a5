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
 * What snapshot bundles say they pulled, per account, Region and type (their manifests'
 * {@code coverage}, docs/snapshot-bundle.md): whether "no item of this type here" means none
 * exists ({@code complete}) or nothing can be concluded ({@code failed}, {@code not-recorded}).
 * Empty where the deployed state came as plain snapshot files, which say nothing of the kind.
 */
public final class DeployedCoverage {

    /** How completely a type was pulled in one account and Region. */
    public enum Status { COMPLETE, FAILED, NOT_RECORDED }

    /** No bundle was read. */
    public static final DeployedCoverage NONE = new DeployedCoverage(Map.of());

    /** By {@code account|region|type}. */
    private final Map<String, Status> byPlace;

    private DeployedCoverage(Map<String, Status> byPlace) {
        this.byPlace = Map.copyOf(byPlace);
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
        DocumentLoader loader = new DocumentLoader();
        for (Path manifest : manifests) {
            Path base = baseDir.toAbsolutePath().normalize();
            Path shown = manifest.startsWith(base) ? base.relativize(manifest) : manifest;
            DocumentLoader.Result loaded = loader.load(manifest, shown.toString().replace('\\', '/'));
            loaded.error().ifPresent(errors::add);
            Optional<Node> coverage = loaded.document().map(d -> d.root()).filter(MapNode.class::isInstance)
                    .flatMap(root -> ((MapNode) root).get("coverage"));
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
                out.put(text(line, "account").orElse("?") + "|" + text(line, "region").orElse("?") + "|"
                        + text(line, "resourceType").orElse("?"), known.get());
            }
        }
        return new DeployedCoverage(out);
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

    public boolean isEmpty() {
        return byPlace.isEmpty();
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
