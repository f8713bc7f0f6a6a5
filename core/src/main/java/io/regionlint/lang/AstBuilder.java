package io.regionlint.lang;

import io.regionlint.engine.RuleDescriptor;
import io.regionlint.engine.Severity;
import io.regionlint.lang.Ast.Pos;
import io.regionlint.model.Link;
import io.regionlint.model.RegionRole;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns ANTLR's parse tree into {@link Ast} and checks what the grammar cannot: ids, severities,
 * required clauses, names in scope, link kinds, Region roles and functions. Every problem is kept
 * with its line and column; a rule with a problem is left out, the others still load.
 */
final class AstBuilder {

    /** What the selected resource (and a resource or link variable) answers besides its properties. */
    static final Set<String> ATTRIBUTES = Set.of("Properties", "type", "region", "stack", "logicalId", "name",
            "account", "role", "tags", "this", "resource", "other");
    /** Functions and their number of arguments. */
    static final java.util.Map<String, Integer> FUNCTIONS = java.util.Map.of("count", 1, "links", 1, "tag", 1,
            "size", 1, "lower", 1, "regionOf", 1);

    private final List<RuleProblem> problems;
    private final Set<String> scope = new HashSet<>();
    private final Set<String> allVars = new HashSet<>();

    AstBuilder(List<RuleProblem> problems) {
        this.problems = problems;
    }

    /** Puts names in scope (a message's placeholders see every variable of the rule). */
    void bindAll(Set<String> names) {
        scope.addAll(names);
    }

    Optional<Ast.RuleDecl> rule(RegionRuleParser.RuleDeclContext ctx) {
        int before = problems.size();
        scope.clear();
        allVars.clear();
        String id = ctx.ruleId().getText();
        if (!RuleDescriptor.isCustomId(id)) {
            problem(ctx.ruleId(), id.matches("RL\\d+")
                    ? "rule id " + id + " is reserved for regionlint's own rules; a team's rule takes RL9001 to"
                            + " RL9999 or the team's own scheme, such as ACME-001"
                    : "'" + id + "' is not a rule id: use RL9001 to RL9999 or the team's own scheme, such as"
                            + " ACME-001 (capital letters, a dash, letters or digits)");
        }
        Severity severity = null;
        String summary = null;
        String message = null;
        String category = null;
        String help = null;
        String description = null;
        List<String> types = new ArrayList<>();
        Ast.Expr where = null;
        Ast.Expr require = null;
        Ast.Operand at = null;
        RegionRuleParser.MessageClauseContext messageCtx = null;
        Set<String> seen = new HashSet<>();
        for (RegionRuleParser.ClauseContext clause : ctx.clause()) {
            String word = clause.getStart().getText();
            if (!seen.add(word)) {
                problem(clause, "rule " + id + " has a second '" + word + "' clause; give each clause once");
                continue;
            }
            if (clause instanceof RegionRuleParser.SeverityClauseContext s) {
                severity = Severity.parse(s.word.getText()).orElse(null);
                if (severity == null) {
                    problem(s.word, "'" + s.word.getText() + "' is not a severity (expected error, warning or note)");
                }
            } else if (clause instanceof RegionRuleParser.SummaryClauseContext s) {
                summary = text(s.STRING());
            } else if (clause instanceof RegionRuleParser.MessageClauseContext s) {
                message = text(s.STRING());
                messageCtx = s;
            } else if (clause instanceof RegionRuleParser.CategoryClauseContext s) {
                category = text(s.STRING());
            } else if (clause instanceof RegionRuleParser.HelpClauseContext s) {
                help = text(s.STRING());
            } else if (clause instanceof RegionRuleParser.DescriptionClauseContext s) {
                description = text(s.STRING());
            } else if (clause instanceof RegionRuleParser.SelectClauseContext s) {
                s.STRING().forEach(t -> types.add(text(t)));
                for (int i = 0; i < types.size(); i++) {
                    if (!types.get(i).matches("[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+")) {
                        problem(s.STRING(i).getSymbol(), "'" + types.get(i) + "' is not a resource type (expected"
                                + " e.g. \"AWS::S3::Bucket\")");
                    }
                }
                if (s.expr() != null) {
                    where = expr(s.expr());
                }
            } else if (clause instanceof RegionRuleParser.RequireClauseContext s) {
                require = expr(s.expr());
            } else if (clause instanceof RegionRuleParser.AtClauseContext s) {
                scope.addAll(allVars);
                at = operand(s.operand());
            }
        }
        String[] missing = {severity == null && !seen.contains("severity") ? "severity" : null,
                message == null ? "message" : null, types.isEmpty() ? "select" : null,
                require == null ? "require" : null};
        String absent = Arrays.stream(missing).filter(java.util.Objects::nonNull).collect(Collectors.joining(", "));
        if (!absent.isEmpty()) {
            problem(ctx.getStart(), "rule " + id + " needs " + absent + " (see docs/custom-rules.md)");
        }
        if (messageCtx != null) {
            MessageTemplate.check(message, messageCtx.STRING().getSymbol(), allVars, problems);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Ast.RuleDecl(pos(ctx.getStart()), id, severity, summary == null ? message : summary,
                message, category == null ? "custom" : category, Optional.ofNullable(help),
                Optional.ofNullable(description), List.copyOf(types), Optional.ofNullable(where), require,
                Optional.ofNullable(at)));
    }

    private Ast.Expr expr(RegionRuleParser.ExprContext ctx) {
        Pos pos = pos(ctx.getStart());
        if (ctx instanceof RegionRuleParser.NotExprContext c) {
            return new Ast.Not(pos, expr(c.expr()));
        } else if (ctx instanceof RegionRuleParser.CompareExprContext c) {
            return new Ast.Compare(pos, operand(c.operand(0)), c.op.getText(), operand(c.operand(1)));
        } else if (ctx instanceof RegionRuleParser.InExprContext c) {
            return new Ast.In(pos, operand(c.operand(0)), operand(c.operand(1)), c.NOT() != null);
        } else if (ctx instanceof RegionRuleParser.ExistsExprContext c) {
            return new Ast.Exists(pos, operand(c.operand()));
        } else if (ctx instanceof RegionRuleParser.AndExprContext c) {
            return new Ast.And(pos, expr(c.expr(0)), expr(c.expr(1)));
        } else if (ctx instanceof RegionRuleParser.OrExprContext c) {
            return new Ast.Or(pos, expr(c.expr(0)), expr(c.expr(1)));
        } else if (ctx instanceof RegionRuleParser.ImpliesExprContext c) {
            return new Ast.Implies(pos, expr(c.expr(0)), expr(c.expr(1)));
        } else if (ctx instanceof RegionRuleParser.IfExprContext c) {
            return new Ast.Implies(pos, expr(c.expr(0)), expr(c.expr(1)));
        } else if (ctx instanceof RegionRuleParser.QuantifierExprContext c) {
            return quantifier(c.quantifier());
        } else if (ctx instanceof RegionRuleParser.ParenExprContext c) {
            return expr(c.expr());
        }
        return new Ast.Truthy(pos, operand(((RegionRuleParser.TruthyExprContext) ctx).operand()));
    }

    private Ast.Expr quantifier(RegionRuleParser.QuantifierContext c) {
        Ast.Quantifier q = Ast.Quantifier.valueOf(c.q.getText().toUpperCase(Locale.ROOT));
        Ast.Domain domain;
        if (c.domain() instanceof RegionRuleParser.RegionDomainContext d) {
            domain = new Ast.RegionDomain(d.OTHER() != null, role(d.role));
        } else {
            Token kind = ((RegionRuleParser.WordDomainContext) c.domain()).kind;
            String word = kind.getText();
            if (word.equals("resource")) {
                domain = new Ast.ResourceDomain();
            } else if (word.equals("item")) {
                domain = new Ast.ItemDomain();
            } else {
                domain = linkKind(word).<Ast.Domain>map(Ast.LinkDomain::new).orElseGet(() -> {
                    problem(kind, "'" + word + "' is not something to quantify over (expected region, resource,"
                            + " item, or a link: " + linkWords() + ")");
                    return new Ast.ItemDomain();
                });
            }
        }
        Optional<Ast.Source> source = Optional.empty();
        if (c.source() instanceof RegionRuleParser.TypeSourceContext t) {
            source = Optional.of(new Ast.TypeSource(text(t.STRING())));
        } else if (c.source() instanceof RegionRuleParser.OfSourceContext o) {
            source = Optional.of(new Ast.OfSource(operand(o.operand())));
        } else if (c.source() instanceof RegionRuleParser.InSourceContext i) {
            source = Optional.of(new Ast.InSource(operand(i.operand())));
        }
        if (domain instanceof Ast.ResourceDomain && !(source.orElse(null) instanceof Ast.TypeSource)) {
            problem(c.getStart(), "'resource " + c.var.getText() + "' needs 'of type \"AWS::...\"'");
        }
        if (domain instanceof Ast.ItemDomain && !(source.orElse(null) instanceof Ast.InSource)) {
            problem(c.getStart(), "'item " + c.var.getText() + "' needs 'in' and a list, e.g. in Properties.Replicas");
        }
        String var = c.var.getText();
        if (scope.contains(var) || ATTRIBUTES.contains(var)) {
            problem(c.var, "'" + var + "' is already a name here; give the variable another name");
        }
        boolean added = scope.add(var);
        allVars.add(var);
        Optional<Ast.Expr> filter = Optional.ofNullable(c.filter).map(this::expr);
        Ast.Expr body = expr(c.body);
        if (added) {
            scope.remove(var);
        }
        return new Ast.Quant(pos(c.getStart()), q, domain, var, source, filter, body);
    }

    Ast.Operand operand(RegionRuleParser.OperandContext ctx) {
        Pos pos = pos(ctx.getStart());
        if (ctx instanceof RegionRuleParser.StringOperandContext c) {
            return new Ast.Str(pos, text(c.STRING()));
        } else if (ctx instanceof RegionRuleParser.NumberOperandContext c) {
            return new Ast.Num(pos, new BigDecimal(c.NUMBER().getText()));
        } else if (ctx instanceof RegionRuleParser.BoolOperandContext c) {
            return new Ast.Bool(pos, c.TRUE() != null);
        } else if (ctx instanceof RegionRuleParser.ListOperandContext c) {
            return new Ast.ListOf(pos, c.operand().stream().map(this::operand).toList());
        } else if (ctx instanceof RegionRuleParser.RegionSetOperandContext c) {
            return new Ast.RegionSet(pos, c.OTHER() != null, role(c.role));
        } else if (ctx instanceof RegionRuleParser.CallOperandContext c) {
            String name = c.name.getText();
            Integer arity = FUNCTIONS.get(name);
            if (arity == null) {
                problem(c.name, "there is no function '" + name + "' (expected one of: "
                        + String.join(", ", new java.util.TreeSet<>(FUNCTIONS.keySet())) + ")");
            } else if (arity != c.operand().size()) {
                problem(c.name, name + "() takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", not "
                        + c.operand().size());
            }
            List<Ast.Operand> args = c.operand().stream().map(this::operand).toList();
            if (name.equals("links") && args.size() == 1 && args.get(0) instanceof Ast.Str s
                    && linkKind(s.value()).isEmpty()) {
                problem(c.operand(0).getStart(), "'" + s.value() + "' is not a link kind (expected one of: "
                        + linkWords() + ")");
            }
            return new Ast.Call(pos, name, args);
        }
        RegionRuleParser.PathContext path = ((RegionRuleParser.PathOperandContext) ctx).path();
        String head = path.head().getText();
        if (!scope.contains(head) && !ATTRIBUTES.contains(head)) {
            problem(path.head().getStart(), "unknown name '" + head + "': neither a variable bound here nor an"
                    + " attribute of the selected resource (" + String.join(", ", new java.util.TreeSet<>(ATTRIBUTES))
                    + ")" + near(head));
        }
        List<String> segments = path.segment().stream().map(s -> s.STRING() != null ? text(s.STRING()) : s.getText())
                .toList();
        return new Ast.Path(pos, head, segments);
    }

    private String near(String head) {
        Set<String> names = new HashSet<>(ATTRIBUTES);
        names.addAll(scope);
        return names.stream().filter(n -> io.regionlint.model.Suggestions.distance(n.toLowerCase(Locale.ROOT),
                head.toLowerCase(Locale.ROOT)) <= 2).sorted().findFirst().map(n -> "; did you mean '" + n + "'?")
                .orElse("");
    }

    private Optional<RegionRole> role(Token token) {
        if (token == null) {
            return Optional.empty();
        }
        Optional<RegionRole> role = RegionRole.parse(token.getText());
        if (role.isEmpty()) {
            problem(token, "'" + token.getText() + "' is not a Region role (expected active, standby or witness)");
        }
        return role;
    }

    static Optional<Link.Kind> linkKind(String word) {
        return Arrays.stream(Link.Kind.values()).filter(k -> k.word().equals(word)).findFirst();
    }

    static String linkWords() {
        return Arrays.stream(Link.Kind.values()).map(Link.Kind::word).collect(Collectors.joining(", "));
    }

    /** The text of a string literal: quotes removed, escapes read. */
    static String text(TerminalNode node) {
        String raw = node.getText();
        if (raw.startsWith("\"\"\"")) {
            return raw.substring(3, raw.length() - 3).strip();
        }
        String body = raw.substring(1, raw.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    static Pos pos(Token token) {
        return new Pos(token.getLine(), token.getCharPositionInLine() + 1);
    }

    private void problem(ParserRuleContext at, String message) {
        problem(at.getStart(), message);
    }

    private void problem(Token at, String message) {
        problems.add(new RuleProblem(at.getLine(), at.getCharPositionInLine() + 1, message));
    }
}
