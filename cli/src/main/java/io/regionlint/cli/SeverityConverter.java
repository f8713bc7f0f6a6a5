package io.regionlint.cli;

import io.regionlint.engine.Severity;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code error}, {@code warning} or {@code note} (any case) as a {@link Severity}. */
public final class SeverityConverter implements ITypeConverter<Severity> {

    static final String CHOICES = Arrays.stream(Severity.values()).map(Severity::label)
            .collect(Collectors.joining(", "));

    @Override
    public Severity convert(String value) {
        return Severity.parse(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a severity (expected one of: " + CHOICES + ")"));
    }
}
