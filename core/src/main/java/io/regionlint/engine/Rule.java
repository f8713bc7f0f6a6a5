package io.regionlint.engine;

/**
 * A rule: a pure function of the topology to findings. Rules hold no state, see only the model
 * (never the parser) and report model elements; the engine works out file, line and column.
 * Built-in implementations carry {@link RuleInfo} and are registered in
 * {@code META-INF/services/io.regionlint.engine.Rule}; rules read from rule files give their
 * {@link #metadata} as data instead.
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

    /**
     * The rule's metadata where it comes from data rather than {@link RuleInfo} and a Markdown
     * file beside the class (a rule read from a rule file); empty for built-in rules.
     */
    default java.util.Optional<RuleMetadata> metadata() {
        return java.util.Optional.empty();
    }

    /** The options the rule reads through {@link RuleContext#wholeNumber} and {@link RuleContext#flag}. */
    default java.util.List<RuleOption> options() {
        return java.util.List.of();
    }
}
