package io.regionlint.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * A rule's message: text with placeholders such as {@code {resource}}, {@code {region}},
 * {@code {other}}, a variable {@code {r}} or a value {@code {r.Properties.BucketName}}. Each
 * placeholder is parsed with the grammar's {@code placeholder} rule, never by hand.
 */
final class MessageTemplate {

    /** A part of the message: literal text, or a placeholder's operand. */
    sealed interface Part permits Text, Slot {
    }

    record Text(String text) implements Part {
    }

    record Slot(Ast.Operand operand) implements Part {
    }

    private final List<Part> parts;

    private MessageTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** The template of a message that {@link #check} accepted. */
    static MessageTemplate of(String message) {
        return new MessageTemplate(split(message, new ArrayList<>(), null, Set.of(), false));
    }

    /** Checks every placeholder of a message: each must parse and name something the rule binds. */
    static void check(String message, Token at, Set<String> vars, List<RuleProblem> problems) {
        split(message, problems, at, vars, true);
    }

    String render(Function<Ast.Operand, String> value) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            out.append(p instanceof Text t ? t.text() : value.apply(((Slot) p).operand()));
        }
        return out.toString();
    }

    private static List<Part> split(String message, List<RuleProblem> problems, Token at, Set<String> vars,
                                    boolean checking) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < message.length()) {
            int open = message.indexOf('{', i);
            if (open < 0) {
                parts.add(new Text(message.substring(i)));
                break;
            }
            int close = message.indexOf('}', open);
            if (close < 0) {
                if (checking) {
                    problems.add(new RuleProblem(at.getLine(), at.getCharPositionInLine() + 2 + open,
                            "the message has a '{' without its '}'"));
                }
                parts.add(new Text(message.substring(i)));
                break;
            }
            parts.add(new Text(message.substring(i, open)));
            String inner = message.substring(open + 1, close);
            List<RuleProblem> found = new ArrayList<>();
            Ast.Operand operand = parse(inner, found, vars, checking);
            if (checking) {
                for (RuleProblem p : found) {
                    problems.add(new RuleProblem(at.getLine(), at.getCharPositionInLine() + 2 + open,
                            "placeholder {" + inner + "}: " + p.message()));
                }
            }
            parts.add(operand == null ? new Text("{" + inner + "}") : new Slot(operand));
            i = close + 1;
        }
        return parts;
    }

    private static Ast.Operand parse(String text, List<RuleProblem> problems, Set<String> vars, boolean checking) {
        RegionRuleLexer lexer = new RegionRuleLexer(CharStreams.fromString(text));
        RegionRuleParser parser = new RegionRuleParser(new CommonTokenStream(lexer));
        BaseErrorListener listener = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int column, String msg,
                                    RecognitionException e) {
                problems.add(new RuleProblem(line, column + 1, "not a name or value"));
            }
        };
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        lexer.addErrorListener(listener);
        parser.addErrorListener(listener);
        RegionRuleParser.PlaceholderContext tree = parser.placeholder();
        if (!problems.isEmpty()) {
            return null;
        }
        List<RuleProblem> nameProblems = new ArrayList<>();
        AstBuilder builder = new AstBuilder(nameProblems);
        builder.bindAll(vars);
        Ast.Operand operand = builder.operand(tree.operand());
        if (checking) {
            problems.addAll(nameProblems.stream().map(p -> new RuleProblem(p.line(), p.column(),
                    p.message().replace("neither a variable bound here", "neither a variable of the rule")))
                    .toList());
        }
        return operand;
    }
}
