package io.regionlint.engine;

/**
 * Why a finding is suppressed.
 *
 * @param kind "inSource" (template Metadata) or "external" (project file), as in SARIF
 */
public record Suppression(String kind, String reason) {
}
