package io.regionlint.model;

import java.util.List;
import java.util.Optional;

/**
 * An {@code AWS::DynamoDB::GlobalTable} and the Regional copies it declares.
 *
 * @param consistency {@code EVENTUAL} (the default) or {@code STRONG}; empty when unknown
 * @param replicas one per entry of {@code Replicas}, in template order
 * @param witnesses one per entry of {@code GlobalTableWitnesses}
 * @param complete false when the replica or witness list could not be fully resolved
 */
public record GlobalTable(Resource table, Optional<String> consistency, List<Replica> replicas,
                          List<Witness> witnesses, boolean complete) {

    public GlobalTable {
        replicas = List.copyOf(replicas);
        witnesses = List.copyOf(witnesses);
    }

    /** One replica: its Region (empty when unknown) and its settings. */
    public record Replica(Optional<String> region, MapValue spec) {
    }

    /** One witness Region. */
    public record Witness(Optional<String> region, MapValue spec) {
    }

    public boolean strong() {
        return consistency.map("STRONG"::equals).orElse(false);
    }

    /** The Region of the stack that declares the table (CloudFormation requires a replica there). */
    public Optional<String> stackRegion() {
        return table.region();
    }

    /** The known replica Regions, each once, in template order (see {@link #complete} for unknown ones). */
    public List<String> replicaRegions() {
        return replicas.stream().flatMap(r -> r.region().stream()).distinct().toList();
    }

    /** The known witness Regions, each once, in template order. */
    public List<String> witnessRegions() {
        return witnesses.stream().flatMap(w -> w.region().stream()).distinct().toList();
    }
}
