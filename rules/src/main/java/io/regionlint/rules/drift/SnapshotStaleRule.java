package io.regionlint.rules.drift;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.RuleOption;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.Provenance;
import io.regionlint.model.Resource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * RL1014: the deployed state of one account and Region was captured much earlier than the
 * newest configuration item among the inputs, so comparing Regions (or a Region with its
 * template) may report changes made since, or miss them. Measured against the inputs' own newest
 * capture time, never the clock, so the same inputs always give the same answer.
 */
@RuleInfo(id = "RL1014", summary = "Deployed state of one Region is much older than the rest",
        severity = Severity.NOTE, category = "drift", since = "0.1.0")
public final class SnapshotStaleRule implements Rule {

    static final String MAX_AGE = "maxAgeDays";

    @Override
    public List<RuleOption> options() {
        return List.of(RuleOption.wholeNumber(MAX_AGE, 7, 1, 365, "How many days older than the newest"
                + " configuration item among the inputs a Region's items may be before this note says so."));
    }

    @Override
    public void check(RuleContext context) {
        Instant newest = null;
        Map<String, Resource> oldestByPlace = new TreeMap<>();
        Map<String, Instant> oldestTime = new TreeMap<>();
        for (Resource r : context.topology().resources()) {
            Optional<Instant> captured = r.observed().flatMap(Provenance.Observed::captureTime)
                    .flatMap(SnapshotStaleRule::instant);
            if (captured.isEmpty()) {
                continue;
            }
            if (newest == null || captured.get().isAfter(newest)) {
                newest = captured.get();
            }
            String place = r.observed().get().account() + "|" + r.observed().get().region();
            Instant known = oldestTime.get(place);
            if (known == null || captured.get().isBefore(known)) {
                oldestTime.put(place, captured.get());
                oldestByPlace.put(place, r);
            }
        }
        if (newest == null) {
            return;
        }
        long maxDays = context.wholeNumber(MAX_AGE);
        for (Map.Entry<String, Resource> e : oldestByPlace.entrySet()) {
            long days = Duration.between(oldestTime.get(e.getKey()), newest).toDays();
            if (days > maxDays) {
                Resource r = e.getValue();
                String[] place = e.getKey().split("\\|", 2);
                context.report(Site.of(r), "AWS Config's items of account " + place[0] + " in " + place[1]
                        + " go back to " + r.observed().flatMap(Provenance.Observed::captureTime).orElse("?")
                        + ", " + days + " days before the newest item among the inputs (" + newest + "): what is"
                        + " compared with it may have changed since; deliver or pull a new snapshot of that Region"
                        + " (the rule option " + MAX_AGE + " sets how many days are tolerated)").key(e.getKey());
            }
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
