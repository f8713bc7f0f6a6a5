package io.regionlint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Markdown summary of a run with a baseline; the samples' summaries are golden files (SampleSnapshotTest). */
class MarkdownReportTest {

    private static final ReportContext CONTEXT = new ReportContext("1.2.3", false, Path.of("/work/repo"));

    @Test
    void countsTheFindingsThatCountAndCollapsesSuppressedBaselinedAndFixedOnes() throws IOException {
        assertEquals("""
                ### regionlint: 1 error, 0 warnings, 0 notes

                1 file, 2 stacks, 4 resources; 2 suppressed.

                Compared with the baseline `.regionlint-baseline.json`: 2 new, 2 unchanged, 1 fixed.

                | Severity | eu-west-1 | us-east-1 | All |
                |---|--:|--:|--:|
                | error | 1 | 1 | 1 |

                | Severity | Rule | Where | Regions | Finding |
                |---|---|---|---|---|
                | error | RL2001 s3-replication-not-bidirectional | [templates/app.yaml:12](templates/app.yaml#L12) \
                | eu-west-1, us-east-1 | Bucket 'orders-eu-west-1' (eu-west-1) replicates nothing back |

                <details>
                <summary>2 suppressed findings</summary>

                | Severity | Rule | Where | Suppressed by | Reason |
                |---|---|---|---|---|
                | warning | RL2005 s3-delete-markers-not-replicated | [templates/app.yaml:30](templates/app.yaml#L30) \
                | project | logs stay in their Region (until 2027-06-30) |
                | warning | RL2005 s3-delete-markers-not-replicated | [templates/app.yaml:44](templates/app.yaml#L44) \
                | template | audit deletes stay local |

                </details>

                <details>
                <summary>1 finding in the baseline</summary>

                | Severity | Rule | Where | Suppressed by | Reason |
                |---|---|---|---|---|
                | error | RL2001 s3-replication-not-bidirectional | [templates/app.yaml:12](templates/app.yaml#L12) \
                | baseline | in the baseline .regionlint-baseline.json |

                </details>

                <details>
                <summary>1 finding fixed since the baseline</summary>

                - RL2002: app-eu-west-1/Data: Bucket 'orders-eu-west-1' (eu-west-1) has no versioning

                </details>
                """, ReporterTest.render(ReportFormat.MARKDOWN, SampleResults.baselined(), CONTEXT));
    }

    @Test
    void templateTextCannotBecomeMarkupAndLinksCanPointAtACommit() throws IOException {
        assertEquals("a \\| b \\<script\\> \\*x\\* \\[l\\](u) \\&amp; new line", MarkdownReport.escape(
                "a | b <script> *x* [l](u) &amp; new\nline"));
        String linked = ReporterTest.render(ReportFormat.MARKDOWN, SampleResults.mixed(),
                new ReportContext("1.2.3", false, Path.of("/work/repo"),
                        Optional.of("https://github.com/acme/infra/blob/0123abc")));
        assertTrue(linked.contains("[templates/app.yaml:12](https://github.com/acme/infra/blob/0123abc/templates/app.yaml#L12)"),
                linked);
        assertTrue(linked.contains("- [templates/big dir/huge.json:1](https://github.com/acme/infra/blob/0123abc/"
                + "templates/big%20dir/huge.json#L1): file exceeds the size limit of 10 MiB"), linked);
    }
}
