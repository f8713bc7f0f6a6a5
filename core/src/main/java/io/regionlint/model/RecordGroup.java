package io.regionlint.model;

import java.util.List;

/**
 * The Route 53 records of one hosted zone with one name and type, joined across stacks and
 * Regions: the unit Route 53 chooses among when it answers a query (a failover pair, the latency
 * records of every Region, a weighted set). The zone is matched by {@code HostedZoneId} or
 * {@code HostedZoneName} (with or without the trailing dot); an id that {@code Ref}s a loaded
 * {@code AWS::Route53::HostedZone} counts as that zone's name.
 *
 * @param zone how messages name the zone: its name (with a trailing dot) or its id
 * @param records in topology order
 */
public record RecordGroup(String zone, String name, String type, List<DnsRecord> records) {

    public RecordGroup {
        records = List.copyOf(records);
    }

    /** The routing policy of the group's first record (Route 53 allows one policy per group). */
    public DnsRecord.RoutingPolicy policy() {
        return records.get(0).policy();
    }

    /** The known Regions the records send traffic to, each once, in record order. */
    public List<String> regions() {
        return records.stream().flatMap(r -> r.servedRegion().stream()).distinct().toList();
    }

    /** "'app.example.com.' A in zone 'example.com.'": how messages name the group. */
    public String describe() {
        return "'" + name + "' " + type + " in zone '" + zone + "'";
    }
}
