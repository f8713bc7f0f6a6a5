package io.regionlint.cli;

import io.regionlint.engine.Severity;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The {@code --fail-on} threshold: a severity, or {@code never} to report without failing. */
enum FailOn {
    ERROR, WARNING, NOTE, NEVER;

    /** The lowest severity that fails the run; empty for {@link #NEVER}. */
    Optional<Severity> threshold() {
        return this == NEVER ? Optional.empty() : Severity.parse(name());
    }

    /** Reads {@code error}, {@code warning}, {@code note} or {@code never}, in any case. */
    static final class Converter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a threshold (expected one of: error, warning, note, never)");
            }
        }
    }
}
