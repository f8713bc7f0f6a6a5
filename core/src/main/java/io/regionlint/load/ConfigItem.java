package io.regionlint.load;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One AWS Config configuration item, whatever envelope it came in (a snapshot file delivered to
 * S3, a history file, a {@code select-resource-config} result, {@code batch-get-resource-config}
 * or {@code get-resource-config-history} output, one item per file). Old and new field names are
 * read alike; {@code configuration} and every {@code supplementaryConfiguration} value are
 * objects here even where the envelope held them as (doubly) encoded JSON strings: nodes parsed
 * out of such a string carry the string's own source range.
 *
 * @param accountId {@code awsAccountId} or {@code accountId}
 * @param region {@code awsRegion}; {@code global} for IAM and other global types
 * @param resourceName empty where the item has none (KMS keys)
 * @param arn {@code ARN} or {@code arn}
 * @param captureTime {@code configurationItemCaptureTime} as written
 * @param status {@code configurationItemStatus} ({@code OK}, {@code ResourceDiscovered},
 *     {@code ResourceNotRecorded}, {@code ResourceDeleted}, {@code ResourceDeletedNotRecorded});
 *     {@code OK} when the envelope omits it (select results name only the fields asked for)
 * @param configuration the resource's own description (an empty map when absent)
 * @param supplementary {@code supplementaryConfiguration} by key, each value decoded
 * @param tags {@code tags} in either shape ({@code {k: v}} or {@code [{key, value}]})
 * @param range the item's object in its file
 */
public record ConfigItem(String accountId, String region, String resourceType, String resourceId,
                         Optional<String> resourceName, Optional<String> arn, Optional<String> captureTime,
                         String status, MapNode configuration, Map<String, Node> supplementary,
                         Map<String, String> tags, SourceRange range) {

    public ConfigItem {
        supplementary = Map.copyOf(supplementary);
        tags = Map.copyOf(tags);
    }

    /** The file the item was read from, as shown to users. */
    public String file() {
        return range.file();
    }

    /**
     * True when the item describes a resource that exists: deleted items and items Config did not
     * record are not live resources (they are absent, or unknown, to the model).
     */
    public boolean describesLiveResource() {
        return status.equals("OK") || status.equals("ResourceDiscovered");
    }

    /** True for types Config records once for all Regions ({@code awsRegion: global}). */
    public boolean isGlobal() {
        return region.equals("global");
    }

    /**
     * The capture time as an instant: ISO-8601 with {@code Z}, an offset or fractions of a
     * second, or epoch milliseconds; empty where the text is none of these.
     */
    public Optional<Instant> capturedAt() {
        return captureTime.flatMap(ConfigItem::instant);
    }

    static Optional<Instant> instant(String text) {
        String t = text.trim();
        try {
            if (t.matches("\\d{10,}")) {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(t)));
            }
            if (t.matches("\\d{9,}\\.\\d+")) { // epoch seconds with a fraction (select results)
                return Optional.of(Instant.ofEpochMilli(Math.round(Double.parseDouble(t) * 1000)));
            }
            return Optional.of(java.time.OffsetDateTime.parse(t).toInstant());
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
