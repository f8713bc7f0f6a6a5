package io.regionlint.engine;

/**
 * A rule: a pure function of the topology to findings. Rules hold no state, see only the model
 * (never the parser) and report model elements; the engine works out file, line and column.
 * Implementations carry {@link RuleInfo} and are registered in
 * {@code META-INF/services/io.regionlint.engine.Rule}.
 */
public interface Rule {

    void check(RuleContext context);

    /**
     * True for a rule about suppressions themselves (expired, unused): it runs after every other
     * rule's findings were suppressed, sees {@link RuleContext#suppressionUses()}, and its own
     * findings are not suppressible (turn the rule off instead).
     */
    default boolean auditsSuppressions() {
        return false;
    }
}
