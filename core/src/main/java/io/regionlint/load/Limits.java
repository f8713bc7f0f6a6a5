package io.regionlint.load;

/**
 * Limits applied to every input so that a hostile or broken file costs an input error, never
 * the run. CloudFormation itself caps a template at 1 MB, so the defaults leave ample room.
 *
 * @param maxFileBytes largest file read at all
 * @param maxNestingDepth deepest nesting of maps and lists
 * @param maxAliases most YAML aliases to collections in one document
 * @param maxNodes most nodes a document may expand to (after YAML aliases are expanded)
 */
public record Limits(long maxFileBytes, int maxNestingDepth, int maxAliases, int maxNodes) {

    public static final Limits DEFAULT = new Limits(16L * 1024 * 1024, 200, 100, 2_000_000);
}
