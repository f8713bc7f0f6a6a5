package io.regionlint.cli;

import io.regionlint.engine.RuleRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Runs regionlint in-process, the way {@link Main#main} does, capturing its output. */
final class CliRunner {

    /** What a run printed and returned. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path workingDir;
    private Map<String, String> variables = Map.of();
    private boolean terminal;
    private Supplier<RuleRegistry> rules = TestRules::registry;

    private CliRunner(Path workingDir) {
        this.workingDir = workingDir;
    }

    /** Runs in the folder of the test resources (templates/, project/). */
    static CliRunner inResources() {
        try {
            return new CliRunner(Path.of(CliRunner.class.getResource("templates").toURI()).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static CliRunner in(Path workingDir) {
        return new CliRunner(workingDir);
    }

    CliRunner variables(Map<String, String> newVariables) {
        this.variables = newVariables;
        return this;
    }

    CliRunner terminal(boolean isTerminal) {
        this.terminal = isTerminal;
        return this;
    }

    CliRunner rules(Supplier<RuleRegistry> newRules) {
        this.rules = newRules;
        return this;
    }

    Path workingDir() {
        return workingDir;
    }

    Run run(String... args) {
        CommandLine commandLine = Main.commandLine(new Main(new Environment(variables, workingDir, terminal), rules));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = Main.run(commandLine, args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
