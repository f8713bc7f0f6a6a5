package io.regionlint.lang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The rule language's entry point: reads rule files ({@code *.rlr}) into ordinary
 * {@link io.regionlint.engine.Rule}s. A file with problems is never an exception: each problem
 * comes back with its line and column in plain words, the file's sound rules still load, and so
 * do the other files.
 */
public final class RuleFiles {

    /** The rule files' extension. */
    public static final String EXTENSION = ".rlr";

    private RuleFiles() {
    }

    /** What one rule file gave: its rules and its problems. */
    public record Loaded(List<io.regionlint.engine.Rule> rules, List<RuleProblem> problems) {
        public Loaded {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }
    }

    /** Reads a rule file; {@code display} is how reports name it. */
    public static Loaded read(Path file, String display) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), display);
        } catch (java.nio.file.NoSuchFileException e) {
            return new Loaded(List.of(), List.of(new RuleProblem(0, 0, "no such rule file")));
        } catch (IOException | java.io.UncheckedIOException e) {
            return new Loaded(List.of(), List.of(new RuleProblem(0, 0, "cannot read the rule file: " + e.getMessage())));
        }
    }

    /** Parses rule text; {@code display} names the file in the rules' metadata. */
    public static Loaded parse(String text, String display) {
        List<RuleProblem> problems = new ArrayList<>();
        RegionRuleLexer lexer = new RegionRuleLexer(CharStreams.fromString(text));
        RegionRuleParser parser = new RegionRuleParser(new CommonTokenStream(lexer));
        Listener listener = new Listener(problems);
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        lexer.addErrorListener(listener);
        parser.addErrorListener(listener);
        RegionRuleParser.FileContext tree = parser.file();
        List<io.regionlint.engine.Rule> rules = new ArrayList<>();
        AstBuilder builder = new AstBuilder(problems);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (RegionRuleParser.RuleDeclContext decl : tree.ruleDecl()) {
            int from = decl.getStart().getLine();
            int to = decl.getStop() == null ? from : decl.getStop().getLine();
            boolean broken = problems.stream().anyMatch(p -> p.line() >= from && p.line() <= to);
            if (broken || decl.exception != null || decl.ruleId() == null || decl.RBRACE() == null) {
                continue; // its syntax error is already reported; the parser's repair is no rule
            }
            Optional<Ast.RuleDecl> rule = builder.rule(decl);
            if (rule.isPresent() && !ids.add(rule.get().id())) {
                problems.add(new RuleProblem(decl.getStart().getLine(), decl.getStart().getCharPositionInLine() + 1,
                        "rule id " + rule.get().id() + " is declared twice in this file"));
                continue;
            }
            rule.ifPresent(r -> rules.add(new CustomRule(r, display)));
        }
        problems.sort(java.util.Comparator.comparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column));
        return new Loaded(rules, problems);
    }

    /** Rewrites ANTLR's messages ("mismatched input ... expecting {...}") into plain words. */
    private static final class Listener extends BaseErrorListener {

        private final List<RuleProblem> problems;

        Listener(List<RuleProblem> problems) {
            this.problems = problems;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                                RecognitionException e) {
            if (!problems.isEmpty() && problems.get(problems.size() - 1).line() == line) {
                return; // one problem per line: what follows the first is mostly its echo
            }
            problems.add(new RuleProblem(line, column + 1, plain(recognizer, offending, msg, e)));
        }

        private static String plain(Recognizer<?, ?> recognizer, Object offending, String msg,
                                    RecognitionException e) {
            if (!(offending instanceof Token token)) {
                return msg.startsWith("token recognition error at: ")
                        ? "unexpected character " + msg.substring("token recognition error at: ".length())
                        + " (strings take double quotes, comments start with #)"
                        : msg;
            }
            String found = token.getType() == Token.EOF ? "the end of the file" : "'" + token.getText() + "'";
            Optional<IntervalSet> expected = Optional.empty();
            if (e instanceof InputMismatchException || e instanceof NoViableAltException || e == null) {
                if (recognizer instanceof RegionRuleParser parser) {
                    expected = Optional.of(parser.getExpectedTokens());
                }
            }
            String wanted = expected.map(RuleFiles::words).filter(w -> !w.isEmpty()).map(w -> "; expected " + w)
                    .orElse("");
            if (msg.startsWith("missing ")) {
                return "something is missing before " + found + wanted;
            }
            return "did not expect " + found + " here" + wanted;
        }
    }

    /** Expected tokens as people say them: "a string", "'{'", "a name". */
    static String words(IntervalSet set) {
        List<String> out = new ArrayList<>();
        for (int type : set.toList()) {
            String word = switch (type) {
                case RegionRuleLexer.STRING -> "a string in double quotes";
                case RegionRuleLexer.IDENT -> "a name";
                case RegionRuleLexer.NUMBER -> "a number";
                case RegionRuleLexer.RULE_ID -> "a rule id";
                case Token.EOF -> "the end of the file";
                default -> {
                    String literal = RegionRuleLexer.VOCABULARY.getLiteralName(type);
                    yield literal == null ? null : literal;
                }
            };
            if (word != null && !out.contains(word)) {
                out.add(word);
            }
        }
        if (out.size() > 8) {
            return String.join(", ", out.subList(0, 8)) + " or another clause";
        }
        return out.size() <= 1 ? String.join("", out)
                : String.join(", ", out.subList(0, out.size() - 1)) + " or " + out.get(out.size() - 1);
    }
}
