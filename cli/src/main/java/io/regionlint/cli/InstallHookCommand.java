package io.regionlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code regionlint install-hook}: writes a plain git pre-commit hook for teams that do not use
 * the pre-commit framework. The hook is the same script the framework runs ({@code
 * hooks/pre-commit}, shipped in the jar), set to ask git for the staged files and to run this
 * regionlint. A hook that regionlint did not write is never overwritten without {@code --force}.
 */
@Command(name = "install-hook", mixinStandardHelpOptions = true, modelTransformer = StandardHelp.class,
        sortOptions = false,
        description = {
            "Install a git pre-commit hook that lints what each commit touches: the whole project of a "
                    + "staged template (the nearest .regionlint.yaml), the cdk.out a staged file belongs to, or a "
                    + "loose template. Commits that touch none of these never start Java. Only findings in, or "
                    + "related to, the staged files refuse the commit.",
            "",
            "Teams that use the pre-commit framework use the hooks in .pre-commit-hooks.yaml instead "
                    + "(see the README)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # in the repository to protect",
            "  regionlint install-hook",
            "",
            "  # replace a hook that another tool wrote; fail on warnings too",
            "  regionlint install-hook --force --fail-on warning",
            "",
            "Skip the hook for one commit with 'git commit --no-verify'."})
final class InstallHookCommand implements Callable<Integer> {

    /** A line every hook regionlint writes holds: such a hook may be replaced without --force. */
    static final String MARKER = "# installed by `regionlint install-hook`";
    static final String SCRIPT = "/io/regionlint/cli/hooks/pre-commit";

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(names = "--force", description = "Replace an existing pre-commit hook that regionlint did not write.")
    private boolean force;

    @Option(names = "--command", paramLabel = "CMD",
            description = "The command the hook runs regionlint with (default: this regionlint, "
                    + "'java -jar' on its jar; REGIONLINT in the hook's environment still wins).")
    private String command;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOn.class,
            description = "Passed to every check the hook runs: error (default), warning, note or never.")
    private io.regionlint.engine.FailThreshold failOn;

    @Mixin
    private DebugOption debug;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> hooks = hooksFolder(main.environment().workingDir());
        if (hooks.isEmpty()) {
            err.println("regionlint install-hook: " + main.environment().workingDir()
                    + " is not inside a git repository (or git is not installed)");
            err.flush();
            return ExitCode.USAGE.code();
        }
        Path hook = hooks.get().resolve("pre-commit");
        if (Files.exists(hook) && !force && !Files.readString(hook, StandardCharsets.UTF_8).contains(MARKER)) {
            err.println("regionlint install-hook: " + hook + " exists and was not written by regionlint; "
                    + "keep it, or run again with --force to replace it");
            err.flush();
            return ExitCode.USAGE.code();
        }
        Optional<String> runWith = Optional.ofNullable(command).or(InstallHookCommand::thisRegionlint);
        if (runWith.isEmpty()) {
            err.println("regionlint install-hook: cannot tell which regionlint to run (not started from its jar); "
                    + "give --command, e.g. --command \"java -jar /path/to/regionlint.jar\"");
            err.flush();
            return ExitCode.USAGE.code();
        }
        Files.createDirectories(hooks.get());
        writeExecutable(hook, script(runWith.get()));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Installed " + hook + "; it runs: " + runWith.get() + " check ...");
        out.println("Skip it for one commit with 'git commit --no-verify'.");
        out.flush();
        return ExitCode.OK.code();
    }

    /** The hook script with this installation's command, mode and options filled in. */
    String script(String runWith) throws IOException {
        String text;
        try (InputStream in = InstallHookCommand.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("the hook script " + SCRIPT + " is missing from the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String header = text.substring(0, text.indexOf('\n') + 1) + MARKER + "\n";
        String body = text.substring(text.indexOf('\n') + 1)
                .replace("default_regionlint=\"\"\n", "default_regionlint=" + shellQuote(runWith) + "\n")
                .replace("default_mode=files\n", "default_mode=staged\n");
        if (failOn != null) {
            body = body.replace("extra=()\n", "extra=(--fail-on " + failOn.label() + ")\n");
        }
        return header + body;
    }

    /** 'java' of this JVM with -jar this jar, when regionlint runs from its jar. */
    private static Optional<String> thisRegionlint() {
        try {
            Path jar = Path.of(InstallHookCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
                return Optional.empty();
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            return Optional.of(shellWord(java.toString()) + " -jar " + shellWord(jar.toAbsolutePath().toString()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The hooks folder git uses for this working tree (honours core.hooksPath and worktrees). */
    static Optional<Path> hooksFolder(Path workingDir) throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--path-format=absolute", "--git-path", "hooks")
                    .directory(workingDir.toFile()).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0 || out.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(workingDir.resolve(out).normalize());
        } catch (IOException e) {
            return Optional.empty(); // git is not installed
        }
    }

    private static void writeExecutable(Path hook, String text) throws IOException {
        Path tmp = Files.createTempFile(hook.getParent(), ".pre-commit.", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                tmp.toFile().setExecutable(true); // not a POSIX file system (Windows): git runs it through sh
            }
            try {
                Files.move(tmp, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, hook, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A double-quoted shell string holding {@code value} as one word (for default_regionlint="..."). */
    private static String shellQuote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`")
                + "\"";
    }

    /** A single-quoted shell word. */
    private static String shellWord(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
