package io.regionlint.engine;

import io.regionlint.load.SourceRange;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What became of one declared suppression in a run, for the rules that audit suppressions
 * (RL1010, RL1011). A suppression declared in a template deployed to several Regions is one use:
 * it is used when it matches a finding in any of them.
 *
 * @param rule the rule id or prefix it names
 * @param target what it names: {@code stack/logicalId}, construct path or ARN for a project
 *     suppression; the logical id for a template one; empty for a project suppression of every
 *     resource
 * @param declaredAt its entry in the project file or the template
 * @param matched how many findings of this run it matches (an expired one included)
 */
public record SuppressionUse(Suppression.Origin origin, String rule, Optional<String> target, String reason,
                             Optional<LocalDate> expires, SourceRange declaredAt, Status status, int matched) {

    /** The verdict on one suppression. */
    public enum Status {
        /** It matches at least one finding and applies. */
        APPLIED,
        /** Its {@code expires} day has passed: it no longer applies. */
        EXPIRED,
        /** Its rule ran and it matches no finding. */
        UNUSED,
        /** Its rule did not run in this run, so whether it still matches cannot be told. */
        NOT_JUDGED
    }
}
