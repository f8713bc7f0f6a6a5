package io.regionlint.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The level a user sets for a rule: one of the {@link Severity severities}, or {@code off}. The
 * project file's {@code rules:} and the front ends' severity overrides ({@code --severity
 * RL2005=off}, the Maven plugin's {@code <severities>}) read the same words through
 * {@link #parse}, so what one accepts the other accepts.
 */
public enum RuleLevel {
    ERROR, WARNING, NOTE, OFF;

    /** The words {@link #parse} accepts, for messages: "error, warning, note, off". */
    public static final String CHOICES = Arrays.stream(values()).map(RuleLevel::label)
            .collect(Collectors.joining(", "));

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity findings get; empty for {@link #OFF}, which turns the rule off. */
    public Optional<Severity> severity() {
        return this == OFF ? Optional.empty() : Severity.parse(name());
    }

    public static RuleLevel of(Severity severity) {
        return valueOf(severity.name());
    }

    /** Reads a level in any case, ignoring surrounding blanks; empty when it is none of {@link #CHOICES}. */
    public static Optional<RuleLevel> parse(String text) {
        for (RuleLevel level : values()) {
            if (level.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
