package io.regionlint.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Facts about Region codes: their shape, and the Regions of each partition as AWS documents them
 * ({@code regions.properties} beside this class, with its sources and the day it was verified).
 */
public final class Regions {

    /** The shape of a Region code, known or not: {@code us-east-1}, {@code us-gov-west-1}, {@code eusc-de-east-1}. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d|eusc-[a-z]{2}-[a-z]+-\\d");
    private static final int MAX_EDITS = 2;
    private static final Facts FACTS = Facts.load();

    private Regions() {
    }

    /** True for text shaped like a Region code, whether or not the list knows it. */
    public static boolean isRegionCode(String text) {
        return REGION.matcher(text).matches();
    }

    /** True for a Region code of the list (a Region that existed on {@link #verified()}). */
    public static boolean isKnown(String code) {
        return FACTS.partitionByRegion.containsKey(code);
    }

    /** Every known Region code, sorted. */
    public static SortedSet<String> known() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(FACTS.partitionByRegion.keySet()));
    }

    /** The day the list was last checked against AWS's documentation (yyyy-mm-dd). */
    public static String verified() {
        return FACTS.verified;
    }

    /**
     * The known codes nearest to a code the list does not know (at most two edits, all at the
     * smallest distance found), for "did you mean …?"; empty when nothing is near.
     */
    public static List<String> suggestions(String code) {
        int best = MAX_EDITS + 1;
        List<String> nearest = new ArrayList<>();
        for (String known : FACTS.partitionByRegion.keySet()) { // sorted, so the output is stable
            int d = Suggestions.distance(code, known);
            if (d < best) {
                best = d;
                nearest.clear();
            }
            if (d == best) {
                nearest.add(known);
            }
        }
        return List.copyOf(nearest);
    }

    /** "unknown Region 'eu-wst-1': did you mean eu-west-1?", the wording every front end uses. */
    public static String unknownMessage(String code) {
        List<String> near = suggestions(code);
        String text = "unknown Region '" + code + "'";
        if (near.isEmpty()) {
            return text + " (not an AWS Region on " + verified() + ")";
        }
        String choices = near.size() == 1 ? near.get(0)
                : String.join(", ", near.subList(0, near.size() - 1)) + " or " + near.get(near.size() - 1);
        return text + ": did you mean " + choices + "?";
    }

    /** The partition (the ARN's second field): from the list, else from the code's prefix. */
    public static String partition(String region) {
        String listed = FACTS.partitionByRegion.get(region);
        if (listed != null) {
            return listed;
        }
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

    /** The parsed facts file: Region code to partition, and the day verified. */
    private record Facts(Map<String, String> partitionByRegion, String verified) {

        static Facts load() {
            Properties p = new Properties();
            try (InputStream in = Regions.class.getResourceAsStream("regions.properties")) {
                if (in == null) {
                    throw new IllegalStateException("regions.properties is missing from the jar");
                }
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("regions.properties cannot be read", e);
            }
            Map<String, String> byRegion = new TreeMap<>();
            for (String partition : new TreeSet<>(p.stringPropertyNames())) {
                if (partition.equals("verified")) {
                    continue;
                }
                for (String code : p.getProperty(partition).split(",")) {
                    if (!code.isBlank()) {
                        byRegion.put(code.trim(), partition);
                    }
                }
            }
            return new Facts(Collections.unmodifiableMap(byRegion), p.getProperty("verified", "?"));
        }
    }
}
