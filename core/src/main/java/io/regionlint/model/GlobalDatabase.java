package io.regionlint.model;

import java.util.List;
import java.util.Optional;

/**
 * An Aurora global database: the {@code AWS::RDS::GlobalCluster} (when loaded) and its member
 * {@code AWS::RDS::DBCluster}s in every loaded stack and Region, joined on
 * {@code GlobalClusterIdentifier}.
 *
 * @param identifier the global cluster identifier that joins them
 * @param primary the primary cluster where the inputs tell which it is
 * @param members every member cluster, primary included, in topology order
 */
public record GlobalDatabase(String identifier, Optional<Resource> globalCluster, Optional<Resource> primary,
                             List<Resource> members) {

    public GlobalDatabase {
        members = List.copyOf(members);
    }

    /** The members other than the primary (all members when the primary is not known). */
    public List<Resource> secondaries() {
        return members.stream().filter(m -> primary.map(p -> !p.key().equals(m.key())).orElse(true)).toList();
    }
}
