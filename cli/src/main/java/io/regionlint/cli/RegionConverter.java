package io.regionlint.cli;

import io.regionlint.model.Regions;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an AWS Region code such as {@code us-east-1}; anything else is a usage error naming it. */
public final class RegionConverter implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        String code = value.trim().toLowerCase(Locale.ROOT);
        if (!Regions.isRegionCode(code)) {
            throw new TypeConversionException("'" + value + "' is not an AWS Region code (expected e.g. us-east-1)");
        }
        return code;
    }
}
