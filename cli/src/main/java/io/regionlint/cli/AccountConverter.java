package io.regionlint.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an AWS account id: exactly 12 digits, as IAM and ARNs spell it. */
public final class AccountConverter implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        String id = value.trim();
        if (!id.matches("\\d{12}")) {
            throw new TypeConversionException("'" + value + "' is not an AWS account id (expected 12 digits)");
        }
        return id;
    }
}
