package io.regionlint.engine;

import io.regionlint.load.InputError;
import io.regionlint.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a rule sees: the topology, its options, and a way to report. Findings are collected and
 * located by the engine after the rule returns.
 */
public final class RuleContext {

    private final RuleDescriptor rule;
    private final Topology topology;
    private final List<InputError> inputErrors;
    private final Map<String, Object> options;
    private final List<SuppressionUse> suppressionUses;
    private final List<FindingBuilder> reported = new ArrayList<>();
    private List<RuleDescriptor> rulesInRun = List.of();

    RuleContext(RuleDescriptor rule, Topology topology, List<InputError> inputErrors, Map<String, Object> options) {
        this(rule, topology, inputErrors, options, List.of());
    }

    RuleContext(RuleDescriptor rule, Topology topology, List<InputError> inputErrors, Map<String, Object> options,
                List<SuppressionUse> suppressionUses) {
        this.rule = rule;
        this.topology = topology;
        this.inputErrors = List.copyOf(inputErrors);
        this.options = Map.copyOf(options);
        this.suppressionUses = List.copyOf(suppressionUses);
    }

    public Topology topology() {
        return topology;
    }

    /** Inputs that could not be read or understood (only the input rules need these). */
    public List<InputError> inputErrors() {
        return inputErrors;
    }

    /**
     * What became of every declared suppression, once the other rules' findings were suppressed.
     * Only rules whose {@link Rule#auditsSuppressions()} is true see these; for others the list
     * is empty.
     */
    public List<SuppressionUse> suppressionUses() {
        return suppressionUses;
    }

    /** Every rule that runs on this topology, this one included (RL1012 names those it cannot judge). */
    public List<RuleDescriptor> rulesInRun() {
        return rulesInRun;
    }

    RuleContext withRulesInRun(List<RuleDescriptor> rules) {
        this.rulesInRun = List.copyOf(rules);
        return this;
    }

    /** A whole-number option the rule declares: the project file's value, or the declared default. */
    public long wholeNumber(String name) {
        return (Long) option(name, RuleOption.Type.WHOLE_NUMBER);
    }

    /** A true/false option the rule declares: the project file's value, or the declared default. */
    public boolean flag(String name) {
        return (Boolean) option(name, RuleOption.Type.BOOLEAN);
    }

    private Object option(String name, RuleOption.Type type) {
        RuleOption declared = rule.options().stream().filter(o -> o.name().equals(name) && o.type() == type)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(rule.id() + " reads option " + name
                        + " (" + type.label() + ") but does not declare it in options()"));
        // a value of the wrong type was reported as an input error before the run; the default holds
        return Optional.ofNullable(options.get(name)).flatMap(declared::parse).orElse(declared.defaultValue());
    }

    /**
     * Reports a finding at a site. The message states the problem with its concrete values and
     * Regions and says what to change; refine the finding through the returned builder.
     */
    public FindingBuilder report(Site site, String message) {
        FindingBuilder builder = new FindingBuilder(rule, site, message, topology);
        reported.add(builder);
        return builder;
    }

    List<FindingBuilder> reported() {
        return reported;
    }
}
