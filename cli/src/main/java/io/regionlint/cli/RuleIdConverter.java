package io.regionlint.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a rule id or id prefix ({@code RL2001}, {@code RL2}, any case) and returns it in upper
 * case. Whether it names a registered rule is checked once the rules are loaded.
 */
public final class RuleIdConverter implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        String id = value.trim().toUpperCase(Locale.ROOT);
        if (!id.matches("RL\\d{1,4}")) {
            throw new TypeConversionException("'" + value + "' is not a rule id or id prefix (expected e.g. RL2001 or RL2)");
        }
        return id;
    }
}
