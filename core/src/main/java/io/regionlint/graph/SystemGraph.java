package io.regionlint.graph;

import io.regionlint.engine.Finding;
import io.regionlint.engine.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The picture of a linted system, before it is drawn: one column per Region, in each the stacks
 * deployed there, in each stack the resources that take part in a link the model knows (or that
 * a finding is about); the links as edges; the findings attached to the node or edge they
 * concern. Everything is in a fixed order (Regions as the stacks first name them, stacks in
 * topology order, resources in template order, edges by their ends), so the same input always
 * gives the same picture. Built by {@link GraphBuilder}; drawn by {@link GraphWriter}.
 *
 * @param columns one per Region, the unknown Region (if any stack has none) last
 * @param edges sorted by source node, target node and kind
 * @param unplaced findings that are about no drawn resource (a project file entry, say)
 * @param findings every finding of the run, in the run's order
 */
public record SystemGraph(List<Column> columns, List<Edge> edges, List<Finding> unplaced, List<Finding> findings) {

    public SystemGraph {
        columns = List.copyOf(columns);
        edges = List.copyOf(edges);
        unplaced = List.copyOf(unplaced);
        findings = List.copyOf(findings);
    }

    /** Every drawn node, column by column, box by box. */
    public List<Node> nodes() {
        return columns.stream().flatMap(c -> c.boxes().stream()).flatMap(b -> b.nodes().stream()).toList();
    }

    /**
     * A Region's column.
     *
     * @param region the Region code; empty for stacks whose Region is not known
     * @param role "active", "standby" or "witness" where the project says; empty otherwise
     */
    public record Column(String id, Optional<String> region, Optional<String> role, List<Box> boxes) {

        public Column {
            boxes = List.copyOf(boxes);
        }

        /** The Region as pictures name it. */
        public String label() {
            return region.orElse("unknown Region");
        }
    }

    /**
     * A stack instance, or (with {@code stack} false) the copies that a resource in another
     * Region creates there (the replicas of a DynamoDB global table): they belong to no stack.
     *
     * @param band the stack's group (its twins in other Regions share it; for copies, the group
     *     of the stacks that create them): pictures draw a band's boxes level across the columns
     * @param hidden resources of the stack that take part in no link and have no finding
     */
    public record Box(String id, String name, String band, boolean stack, Optional<String> account, List<Node> nodes,
                      int hidden) {

        public Box {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * A drawn resource.
     *
     * @param label the name users know (the physical name where literal, else the logical id)
     * @param file where the resource is declared, {@code path:line}; empty for a replica that
     *     no template declares
     * @param findings the findings about this resource, in the run's order
     */
    public record Node(String id, String label, String logicalId, String type, Optional<String> constructPath,
                       Optional<String> file, List<Finding> findings) {

        public Node {
            findings = List.copyOf(findings);
        }

        /** The most severe unsuppressed finding's severity. */
        public Optional<Severity> severity() {
            return worst(findings);
        }

        /** The type without its {@code AWS::} prefix: {@code S3::Bucket}, {@code DynamoDB replica}. */
        public String shortType() {
            String shorter = type.startsWith("AWS::") ? type.substring(5) : type;
            return shorter.replace("::GlobalTable ", " ");
        }
    }

    /**
     * A link between two drawn nodes.
     *
     * @param label what the link is, as the picture writes it ("replicates to", "replica")
     * @param crossRegion true when the two ends are in different Regions
     * @param findings findings about one end that name the other end as related
     */
    public record Edge(String id, String from, String to, EdgeKind kind, String label, boolean crossRegion,
                       List<Finding> findings) {

        public Edge {
            findings = List.copyOf(findings);
        }

        public Optional<Severity> severity() {
            return worst(findings);
        }
    }

    static Optional<Severity> worst(List<Finding> findings) {
        return findings.stream().filter(f -> f.suppressed().isEmpty()).map(Finding::severity)
                .min(java.util.Comparator.naturalOrder());
    }
}
