package io.regionlint.model;

import java.util.regex.Pattern;

/** Facts about Region codes that follow from the code itself. */
public final class Regions {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");

    private Regions() {
    }

    public static boolean isRegionCode(String text) {
        return REGION.matcher(text).matches();
    }

    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    public static String urlSuffix(String region) {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }
}
