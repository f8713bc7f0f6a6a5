package io.regionlint.pull;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bundle holds of one type in one account and Region: the line of the manifest's
 * {@code coverage} that lets a reader tell "absent" from "not pulled".
 *
 * @param status {@code complete} (every item Config returned is in the bundle), {@code failed}
 *     (the query failed: nothing of this type there may be concluded), {@code not-recorded}
 *     (Config's recorder does not record the type there)
 * @param error why it failed or is not recorded, for people; never holds credentials
 */
public record Coverage(String account, String region, String resourceType, Status status, int items,
                       Optional<String> error) {

    public enum Status {
        COMPLETE("complete"), FAILED("failed"), NOT_RECORDED("not-recorded");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static final Comparator<Coverage> ORDER = Comparator.comparing(Coverage::account)
            .thenComparing(Coverage::region).thenComparing(Coverage::resourceType);

    public Coverage {
        Objects.requireNonNull(account);
        Objects.requireNonNull(region);
        Objects.requireNonNull(resourceType);
        Objects.requireNonNull(status);
    }
}
