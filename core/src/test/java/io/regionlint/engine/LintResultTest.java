package io.regionlint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.regionlint.load.InputError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link LintResult#touching}: what the pre-commit hook shows of a whole project's run. */
class LintResultTest {

    @Test
    void keepsFindingsLocatedInOrRelatedToTheFilesAndCountsOnlyThose() {
        Finding inA = finding("a.yaml", Severity.ERROR, List.of());
        Finding inBRelatedToA = finding("b.yaml", Severity.WARNING,
                List.of(new Related("the peer", location("a.yaml"), Optional.empty())));
        Finding inC = finding("c.yaml", Severity.ERROR, List.of());
        LintResult all = new LintResult(List.of(inA, inBRelatedToA, inC),
                List.of(new InputError("a.yaml", 3, 1, "bad"), new InputError("c.yaml", 1, 1, "bad")), List.of(),
                new LintResult.Summary(3, 2, 10, 2, 1, 0, 0));

        LintResult touching = all.touching(List.of("a.yaml"));

        assertEquals(List.of(inA, inBRelatedToA), touching.findings());
        assertEquals(List.of(new InputError("a.yaml", 3, 1, "bad")), touching.errors());
        assertEquals(new LintResult.Summary(3, 2, 10, 1, 1, 0, 0), touching.summary());
        assertEquals(0, all.touching(List.of("d.yaml")).findings().size());
    }

    private static Finding finding(String file, Severity severity, List<Related> related) {
        return new Finding("RL2001", "s3-replication-not-bidirectional", severity, "m", location(file),
                Optional.empty(), related, List.of("us-east-1"), file + severity, Optional.empty());
    }

    private static Location location(String file) {
        return new Location(file, 1, 1, 1, 2, Optional.empty());
    }
}
