package io.regionlint.rules.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The fast-changing AWS facts rules depend on (Region lists, service limits), read from
 * {@code aws-facts.properties} beside this class, where each fact carries its source and the day
 * it was verified. Rules ask here instead of hard-coding values.
 */
public final class AwsFacts {

    private static final Properties FACTS = load();

    private AwsFacts() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = AwsFacts.class.getResourceAsStream("aws-facts.properties")) {
            if (in == null) {
                throw new IllegalStateException("aws-facts.properties is missing from the jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The day the facts were last checked against AWS documentation. */
    public static String verified() {
        return text("verified");
    }

    public static String text(String key) {
        String value = FACTS.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no AWS fact named " + key + " in aws-facts.properties");
        }
        return value.trim();
    }

    /** A comma-separated fact as a list. */
    public static List<String> list(String key) {
        return Arrays.stream(text(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static int number(String key) {
        return Integer.parseInt(text(key));
    }
}
