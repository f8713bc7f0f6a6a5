package io.regionlint.engine;

/**
 * A finding compared with a baseline, in SARIF's words ({@code result.baselineState}). Findings in
 * the baseline but gone now are listed in {@link BaselineComparison#fixed()}, not as findings.
 */
public enum BaselineState {
    /** Not in the baseline: the finding is new and fails the run like any other. */
    NEW("new"),
    /** In the baseline: known debt, reported but suppressed. */
    UNCHANGED("unchanged");

    private final String label;

    BaselineState(String label) {
        this.label = label;
    }

    /** The SARIF and JSON value. */
    public String label() {
        return label;
    }
}
