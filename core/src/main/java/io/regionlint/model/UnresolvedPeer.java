package io.regionlint.model;

/**
 * A link whose far end is outside what was loaded, or cannot be known.
 *
 * @param from the resource that holds the link
 * @param at the value that names the peer
 * @param kind what the peer is ("replication destination bucket", "replication role")
 * @param reason why it could not be joined
 */
public record UnresolvedPeer(Resource from, Value at, String kind, String reason) {
}
