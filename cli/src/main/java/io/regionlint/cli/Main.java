package io.regionlint.cli;

import io.regionlint.engine.RuleRegistry;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code regionlint} command. It only translates: each subcommand builds one request, calls
 * the core and maps the result to an {@link ExitCode}. Build the command line with {@link
 * #commandLine(Main)}, which adds the usage-error and internal-error handling.
 */
@Command(name = "regionlint", mixinStandardHelpOptions = true, modelTransformer = StandardHelp.class,
        description = {
            "Cross-Region linter for multi-Region AWS systems: finds what breaks when one Region has to take "
                    + "over from another, in the CloudFormation templates of every Region.",
            "",
            "Run 'regionlint COMMAND --help' for the options of a command."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # Lint the sample project; its .regionlint.yaml names the stacks and Regions",
            "  regionlint check samples/two-region-app",
            "",
            "  # Deploy each template in templates/ to two Regions; SARIF for code scanning",
            "  regionlint check templates/ --regions us-east-1,eu-west-1 \\",
            "      --format sarif --output regionlint.sarif",
            "",
            "  # List the rules; explain one",
            "  regionlint rules",
            "  regionlint explain RL2001",
            "",
            "Environment:",
            "  NO_COLOR=1           never colour the output",
            "  REGIONLINT_DEBUG=1   print the stack trace of an internal error",
            "  JAVA_OPTS            options for Java, read by the ./regionlint launcher (e.g. -Xmx4g for",
            "                       inputs that need more memory than its default heap)"})
public final class Main implements Callable<Integer> {

    /**
     * The subcommands by name, in the order {@code --help} lists them. They are added to the
     * command line in code rather than in {@code @Command(subcommands = ...)}, so that a run of
     * one command builds the model of that command only (see {@link #main}).
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(CheckCommand.class, DriftCommand.class,
            PullCommand.class, GraphCommand.class, BaselineCommand.class, RulesCommand.class, ExplainCommand.class,
            InitCommand.class, InstallHookCommand.class, HelpCommand.class);

    private final Environment environment;
    private final Supplier<RuleRegistry> ruleSource;
    private RuleRegistry rules;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DebugOption debug;

    /** The real process: its environment and the rules on the class path. */
    public Main() {
        this(Environment.system(), RuleRegistry::load);
    }

    /** For tests and embedding: a chosen environment and rule set. */
    public Main(Environment environment, Supplier<RuleRegistry> ruleSource) {
        this.environment = Objects.requireNonNull(environment);
        this.ruleSource = Objects.requireNonNull(ruleSource);
    }

    public static void main(String[] args) {
        // picocli builds every subcommand's model by reflection before parsing, about 60 ms of a
        // small run's 0.45 s (its Java 5 class files cannot be class-data shared): a command named
        // first gets a command line of that command only; anything else (--help, help, a typo
        // that deserves "did you mean") gets all of them
        boolean one = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help");
        CommandLine commandLine = commandLine(new Main(), one ? List.of(args[0]) : SUBCOMMANDS.keySet());
        // reports (JSON, SARIF) are UTF-8 whatever the platform's default charset
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        System.exit(run(commandLine, args));
    }

    /** Runs the command line; an {@link Error} (stack overflow, out of memory) is an internal error too. */
    static int run(CommandLine commandLine, String[] args) {
        try {
            return commandLine.execute(args);
        } catch (Error e) {
            Main main = commandLine.getCommand();
            boolean debug = main.environment.debug() || java.util.Arrays.asList(args).contains(DebugOption.NAME);
            return InternalErrorHandler.report(e, commandLine, debug);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /** The command line with regionlint's handling of usage errors (exit 2) and internal errors (exit 4). */
    public static CommandLine commandLine(Main main) {
        return commandLine(main, SUBCOMMANDS.keySet());
    }

    /** The command line with the named subcommands only. */
    static CommandLine commandLine(Main main, Collection<String> subcommands) {
        CommandLine commandLine = new CommandLine(main);
        for (String name : subcommands) {
            commandLine.addSubcommand(name, SUBCOMMANDS.get(name));
            // added in code, a subcommand's --help lost the exit codes its annotation's transform
            // gave it (InfoCommandsTest): apply the transform again once it has its parent
            new StandardHelp().transform(commandLine.getSubcommands().get(name).getCommandSpec());
        }
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setExecutionExceptionHandler(new InternalErrorHandler(main.environment));
        return commandLine;
    }

    private static Map<String, Class<?>> subcommands(Class<?>... classes) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            out.put(c.getAnnotation(Command.class).name(), c);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    Environment environment() {
        return environment;
    }

    /** The registered rules, loaded once, on first use (--version and --help never load them). */
    RuleRegistry rules() {
        if (rules == null) {
            rules = ruleSource.get();
        }
        return rules;
    }

    /** Without a subcommand: the usage on standard error, and a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
