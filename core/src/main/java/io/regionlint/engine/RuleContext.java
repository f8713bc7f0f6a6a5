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

    /** A rule option from the project file ({@code rules: {ID: {options: {...}}}}). */
    public Optional<Object> option(String name) {
        return Optional.ofNullable(options.get(name));
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
