package io.regionlint.lang;

import io.regionlint.engine.FindingBuilder;
import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleMetadata;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.lang.Evaluator.Counter;
import io.regionlint.lang.Evaluator.Env;
import io.regionlint.lang.Val.Loc;
import io.regionlint.model.Resource;
import io.regionlint.model.Truth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule read from a rule file: an ordinary {@link Rule} whose metadata is data. For each selected
 * resource it reports one finding per counterexample of its requirement, and a note where the
 * model cannot tell (never an error or warning on a value that could not be resolved).
 */
final class CustomRule implements Rule {

    private final Ast.RuleDecl decl;
    private final MessageTemplate message;
    private final RuleMetadata metadata;

    CustomRule(Ast.RuleDecl decl, String file) {
        this.decl = decl;
        this.message = MessageTemplate.of(decl.message());
        String source = file + ":" + decl.pos().line();
        String explanation = "# " + decl.id() + " " + decl.summary() + "\n\n"
                + decl.description().map(d -> d + "\n\n").orElse("")
                + "A team rule from `" + source + "` (severity " + decl.severity().name().toLowerCase(java.util.Locale.ROOT)
                + ", selects " + String.join(", ", decl.types()) + ").\n"
                + decl.help().map(h -> "\nSee " + h + "\n").orElse("");
        this.metadata = new RuleMetadata(decl.id(), pascal(decl.id()), decl.summary(), decl.severity(),
                decl.category(), "custom", Optional.of(explanation), decl.help().orElse(file), Optional.of(source));
    }

    @Override
    public Optional<RuleMetadata> metadata() {
        return Optional.of(metadata);
    }

    @Override
    public void check(RuleContext context) {
        Evaluator evaluator = new Evaluator(context.topology());
        for (String type : decl.types()) {
            for (Resource resource : context.topology().resources(type)) {
                check(context, evaluator, resource);
            }
        }
    }

    private void check(RuleContext context, Evaluator evaluator, Resource resource) {
        Env env = new Env(resource);
        Truth selected = decl.where().map(w -> evaluator.eval(w, env).truth()).orElse(Truth.TRUE);
        if (selected == Truth.FALSE) {
            return;
        }
        for (Counter counter : evaluator.counterexamples(decl.require(), env)) {
            Truth truth = selected == Truth.UNKNOWN ? Truth.UNKNOWN : counter.truth();
            Env at = counter.env();
            Site site = site(evaluator, at, counter.read());
            String key = String.join("|", at.vars().values().stream().map(Evaluator::display).toList());
            FindingBuilder finding;
            if (truth == Truth.FALSE) {
                finding = context.report(site, message.render(o -> placeholder(evaluator, o, at)));
            } else {
                finding = context.report(site, "Could not tell whether " + resource.describe() + " meets "
                        + decl.id() + " (" + decl.summary() + "): " + counter.reason().orElse("a value is not known")
                        + "; the rule reports nothing here until the value is known").severity(Severity.NOTE);
                key = "unknown|" + key;
            }
            finding.key(key);
            for (Val bound : at.vars().values()) {
                regions(bound).forEach(r -> finding.regions(Optional.of(r)));
            }
        }
    }

    /** The Regions a bound element brings into a finding. */
    private static List<String> regions(Val bound) {
        List<String> out = new ArrayList<>();
        if (bound instanceof Val.Txt t && io.regionlint.model.Regions.isRegionCode(t.text())) {
            out.add(t.text());
        } else if (bound instanceof Val.Res r) {
            r.resource().region().ifPresent(out::add);
        } else if (bound instanceof Val.Lnk l) {
            l.link().region().ifPresent(out::add);
            l.link().to().flatMap(Resource::region).ifPresent(out::add);
            if (l.link().facts().containsKey("keyRegion")) {
                out.add(l.link().facts().get("keyRegion"));
            }
        }
        return out;
    }

    /** Where the finding points: the explicit {@code at}, else what the failing condition read. */
    private Site site(Evaluator evaluator, Env env, Optional<Loc> read) {
        if (decl.at().isPresent()) {
            Val at = evaluator.value(decl.at().get(), env);
            Optional<Site> explicit = siteOf(at);
            if (explicit.isPresent()) {
                return explicit.get();
            }
        }
        Optional<Loc> loc = read;
        if (loc.isEmpty()) {
            Optional<Val> last = env.last();
            if (last.isPresent() && last.get() instanceof Val.Lnk l) {
                return Site.of(l.link().from(), l.link().at());
            }
        }
        return loc.map(CustomRule::siteOf).orElse(Site.of(env.self()));
    }

    private static Optional<Site> siteOf(Val v) {
        if (v instanceof Val.Lnk l) {
            return Optional.of(Site.of(l.link().from(), l.link().at()));
        }
        if (v instanceof Val.Res r) {
            return Optional.of(Site.of(r.resource()));
        }
        return Evaluator.read(v).map(CustomRule::siteOf);
    }

    private static Site siteOf(Loc loc) {
        return loc.value().map(v -> Site.of(loc.resource(), v)).orElse(Site.of(loc.resource()));
    }

    private static String placeholder(Evaluator evaluator, Ast.Operand operand, Env env) {
        if (operand instanceof Ast.Path p && p.segments().isEmpty() && env.lookup(p.head()).isEmpty()) {
            switch (p.head()) {
                case "resource", "this":
                    return env.self().describe();
                case "other":
                    return env.last().map(Evaluator::display).orElse(env.self().describe());
                default:
                    break;
            }
        }
        return Evaluator.display(evaluator.value(operand, env));
    }

    private static String pascal(String id) {
        StringBuilder out = new StringBuilder("Custom");
        for (String part : id.split("-")) {
            out.append(part.substring(0, 1).toUpperCase(java.util.Locale.ROOT))
                    .append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }
}
