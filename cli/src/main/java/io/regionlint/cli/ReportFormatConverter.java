package io.regionlint.cli;

import io.regionlint.report.ReportFormat;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code text}, {@code json}, {@code sarif} or {@code markdown} (any case) as a {@link ReportFormat}. */
public final class ReportFormatConverter implements ITypeConverter<ReportFormat> {

    static final String CHOICES = Arrays.stream(ReportFormat.values()).map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining(", "));

    @Override
    public ReportFormat convert(String value) {
        return ReportFormat.parse(value).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not a report format (expected one of: " + CHOICES + ")"));
    }
}
