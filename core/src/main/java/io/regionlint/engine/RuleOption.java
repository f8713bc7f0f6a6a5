package io.regionlint.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An option a rule declares: its name, its type, its default and what it changes. The project
 * file sets it ({@code rules: {RL6003: {options: {maxTtlSeconds: 30}}}}); a name the rule does not
 * declare or a value of the wrong type is an input error at the project file's line, never a
 * silent fallback to the default. {@code explain} and {@code rules --format json} list the options.
 *
 * @param minimum the least whole number accepted ({@link Type#WHOLE_NUMBER} only)
 * @param maximum the greatest whole number accepted ({@link Type#WHOLE_NUMBER} only)
 */
public record RuleOption(String name, Type type, Object defaultValue, long minimum, long maximum,
                         String description) {

    /** The types of value an option takes, with the words messages use for them. */
    public enum Type {
        WHOLE_NUMBER("a whole number"),
        BOOLEAN("true or false");

        private final String expected;

        Type(String expected) {
            this.expected = expected;
        }

        public String expected() {
            return expected;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A whole-number option between {@code minimum} and {@code maximum}. */
    public static RuleOption wholeNumber(String name, long defaultValue, long minimum, long maximum,
                                         String description) {
        return new RuleOption(name, Type.WHOLE_NUMBER, defaultValue, minimum, maximum, description);
    }

    /** A true/false option. */
    public static RuleOption flag(String name, boolean defaultValue, String description) {
        return new RuleOption(name, Type.BOOLEAN, defaultValue, 0, 0, description);
    }

    /**
     * The value a project file gives, as this option's type ({@link Long} or {@link Boolean});
     * empty when it is not one.
     */
    public Optional<Object> parse(Object configured) {
        String text = String.valueOf(configured).trim();
        return switch (type) {
            case BOOLEAN -> configured instanceof Boolean b ? Optional.of(b)
                    : text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                    ? Optional.of(Boolean.parseBoolean(text)) : Optional.empty();
            case WHOLE_NUMBER -> {
                try {
                    long n = Long.parseLong(text);
                    yield n >= minimum && n <= maximum ? Optional.of(n) : Optional.empty();
                } catch (NumberFormatException e) {
                    yield Optional.empty();
                }
            }
        };
    }

    /** What a value must be, for messages: "a whole number from 0 to 300". */
    public String expected() {
        return type == Type.WHOLE_NUMBER ? type.expected() + " from " + minimum + " to " + maximum : type.expected();
    }

    /**
     * The options as a Markdown section ({@code ## Options} and a table), as {@code explain} and
     * the rule pages show them; empty for a rule without options.
     */
    public static String markdown(String ruleId, List<RuleOption> options) {
        if (options.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("## Options\n\nSet in `.regionlint.yaml`: `rules: { ").append(ruleId)
                .append(": { options: { ").append(options.get(0).name()).append(": ...} } }`.\n\n")
                .append("| Option | Type | Default | What it sets |\n|---|---|---|---|\n");
        for (RuleOption o : options) {
            out.append("| `").append(o.name()).append("` | ").append(o.expected()).append(" | `")
                    .append(o.defaultValue()).append("` | ").append(o.description().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }
}
