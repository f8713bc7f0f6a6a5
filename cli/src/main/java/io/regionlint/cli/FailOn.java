package io.regionlint.cli;

import io.regionlint.engine.FailThreshold;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --fail-on} through the core's {@link FailThreshold#parse}, so the Maven plugin reads the same words. */
final class FailOn implements ITypeConverter<FailThreshold> {

    @Override
    public FailThreshold convert(String value) {
        return FailThreshold.parse(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a threshold (expected one of: " + FailThreshold.CHOICES + ")"));
    }
}
