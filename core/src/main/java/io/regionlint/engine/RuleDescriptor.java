package io.regionlint.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A registered rule and the metadata derived from its {@link RuleInfo}. */
public final class RuleDescriptor {

    /** Where rule documentation is published; the page name is the id. */
    public static final String DOCS_BASE = "https://github.com/regionlint/regionlint/blob/main/docs/rules/";
    private static final Pattern ID = Pattern.compile("RL[1-9]\\d{3}");

    /** A team's own rule id: {@code RL9xxx}, or letters, a dash and more (ACME-001, TEAM-NET-7). */
    private static final Pattern CUSTOM_ID = Pattern.compile("RL9\\d{3}|(?!RL-?\\d)[A-Z][A-Z0-9]{1,15}(-[A-Z0-9]{1,15}){1,3}");

    private final Rule rule;
    private final RuleMetadata info;

    public RuleDescriptor(Rule rule) {
        this.rule = rule;
        Optional<RuleMetadata> data = rule.metadata();
        if (data.isPresent()) {
            this.info = data.get();
            if (!isCustomId(info.id())) {
                throw new IllegalArgumentException(info.source().orElse(rule.getClass().getName())
                        + ": a team's rule id is RL9xxx or the team's own scheme such as ACME-001, not " + info.id());
            }
            return;
        }
        RuleInfo annotation = rule.getClass().getAnnotation(RuleInfo.class);
        if (annotation == null) {
            throw new IllegalArgumentException(rule.getClass().getName() + " has no @RuleInfo");
        }
        if (!ID.matcher(annotation.id()).matches()) {
            throw new IllegalArgumentException(rule.getClass().getName() + " has a malformed id " + annotation.id());
        }
        String simple = rule.getClass().getSimpleName();
        String pascal = simple.endsWith("Rule") ? simple.substring(0, simple.length() - 4) : simple;
        this.info = new RuleMetadata(annotation.id(), pascal, annotation.summary(), annotation.severity(),
                annotation.category(), annotation.since(), Optional.empty(), DOCS_BASE + annotation.id() + ".md",
                Optional.empty());
    }

    /** True for an id a team may give its own rule: RL9xxx or its own scheme (ACME-001); no other RL id. */
    public static boolean isCustomId(String id) {
        return CUSTOM_ID.matcher(id).matches();
    }

    /** True for a rule read from a rule file rather than built in. */
    public boolean custom() {
        return rule.metadata().isPresent();
    }

    /** Where a custom rule was declared ({@code rules/team.rlr:3}); empty for built-in rules. */
    public Optional<String> source() {
        return info.source();
    }

    public Rule rule() {
        return rule;
    }

    public String id() {
        return info.id();
    }

    /** The friendly name in kebab case, e.g. {@code s3-replication-not-bidirectional}. */
    public String name() {
        return info.pascalName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    /** The friendly name in PascalCase, as SARIF wants it. */
    public String pascalName() {
        return info.pascalName();
    }

    public String summary() {
        return info.summary();
    }

    public Severity severity() {
        return info.severity();
    }

    public String category() {
        return info.category();
    }

    /** What AWS Config does not record that the rule needs ({@link NotRecordedByConfig}); empty: nothing. */
    public java.util.Optional<NotRecordedByConfig> notRecordedByConfig() {
        return java.util.Optional.ofNullable(rule.getClass().getAnnotation(NotRecordedByConfig.class));
    }

    /**
     * True when the topology holds observed resources that this rule, marked
     * {@link NotRecordedByConfig}, cannot judge on deployed state.
     */
    public boolean notEvaluatedOn(io.regionlint.model.Topology topology) {
        java.util.Optional<NotRecordedByConfig> mark = notRecordedByConfig();
        if (mark.isEmpty()) {
            return false;
        }
        java.util.List<String> types = java.util.List.of(mark.get().types());
        return topology.resources().stream().anyMatch(r -> r.observed().isPresent()
                && (types.isEmpty() || types.contains(r.type())));
    }

    public String since() {
        return info.since();
    }

    /** The options the rule declares, in declaration order. */
    public List<RuleOption> options() {
        return rule.options();
    }

    public String helpUri() {
        return info.helpUri();
    }

    /** The Markdown explanation shipped beside the rule class, if any. */
    public Optional<String> explanation() {
        if (info.explanation().isPresent()) {
            return info.explanation();
        }
        String resource = rule.getClass().getSimpleName() + ".md";
        try (InputStream in = rule.getClass().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return id() + " " + name();
    }
}
