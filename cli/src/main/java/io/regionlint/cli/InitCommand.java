package io.regionlint.cli;

import io.regionlint.config.ProjectFileLoader;
import io.regionlint.config.StarterProject;
import io.regionlint.load.DocumentLoader;
import io.regionlint.load.InputError;
import io.regionlint.model.RegionRole;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code regionlint init}: writes a starter {@code .regionlint.yaml} for a folder. The Regions
 * come from {@code --region}, else from the CDK assembly's environments, else (on a terminal)
 * from the user's answers; roles likewise. The file is checked against the project file schema
 * before it replaces anything, and the next command to run is printed.
 */
@Command(name = "init", mixinStandardHelpOptions = true, modelTransformer = StandardHelp.class, sortOptions = false,
        description = {
            "Write a starter project file (.regionlint.yaml) for a folder: one stack per CloudFormation "
                    + "template found below it, deployed to every Region, and its cdk.out when there is one.",
            "",
            "Regions and their roles come from --region; without it, from the environments the CDK app was "
                    + "synthesised for, and on a terminal regionlint asks (press Enter to accept a proposal). "
                    + "Edit the file afterwards: stacks deployed to fewer Regions, parameters, suppressions."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # two active Regions, one account",
            "  regionlint init --region us-east-1=active --region eu-west-1=active --account 111122223333",
            "",
            "  # a CDK app: the Regions of its stages, all active",
            "  regionlint init infra/"})
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FOLDER", arity = "0..1", description = "The folder to write the project file in "
            + "(default: the working directory).")
    private String folder;

    @Option(names = "--region", paramLabel = "REGION[=ROLE]", split = ",",
            description = "A Region of the system and its role (active, standby or witness; default active). "
                    + "Repeatable.")
    private List<String> regions = new ArrayList<>();

    @Option(names = "--account", paramLabel = "ID", converter = AccountConverter.class,
            description = "The AWS account id the stacks deploy to (12 digits).")
    private String account;

    @Option(names = "--force", description = "Replace an existing .regionlint.yaml.")
    private boolean force;

    @Mixin
    private DebugOption debug;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = folder == null ? main.environment().workingDir() : main.environment().resolve(folder);
        if (!Files.isDirectory(root)) {
            return usage(err, root + " is not a folder");
        }
        Path file = root.resolve(ProjectFileLoader.FILE_NAME);
        if (Files.exists(file) && !force) {
            return usage(err, file + " exists; edit it, or run again with --force to replace it");
        }
        StarterProject starter = StarterProject.scan(root);
        if (starter.isEmpty()) {
            return usage(err, "no CloudFormation template and no cdk.out below " + root
                    + "; run 'cdk synth' first, or run init in the folder that holds your templates");
        }
        Map<String, RegionRole> roles;
        try {
            roles = parseRegions(regions);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (roles.isEmpty()) {
            if (System.console() != null) {
                roles = ask(starter.proposedRegions(), System.console().reader() instanceof BufferedReader b ? b
                        : new BufferedReader(System.console().reader()), out);
            } else {
                // off a terminal nobody can confirm: every Region of the assembly is active
                roles = new LinkedHashMap<>();
                for (String r : starter.proposedRegions()) {
                    roles.put(r, RegionRole.ACTIVE);
                }
            }
        }
        if (roles.isEmpty()) {
            return usage(err, "no Region given and none can be read from a cdk.out: give each Region with --region, "
                    + "e.g. --region us-east-1=active --region eu-west-1=standby");
        }
        String text = starter.render(roles, Optional.ofNullable(account));
        // written beside the final file, checked the way check will read it, then moved into place
        Path tmp = Files.createTempFile(root, ".regionlint.", ".yaml.tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Optional<InputError> invalid = ProjectFileLoader.load(tmp, ProjectFileLoader.FILE_NAME,
                    new DocumentLoader()).errors().stream().findFirst();
            if (invalid.isPresent()) {
                err.println("regionlint init: the project file it would write is not valid (a bug, please report "
                        + "it): line " + invalid.get().line() + ": " + invalid.get().message());
                err.flush();
                return ExitCode.INTERNAL_ERROR.code();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        Path shown = main.environment().workingDir().relativize(file);
        out.println("Wrote " + shown + " (" + starter.describe(roles) + ").");
        String target = folder == null ? "" : " " + folder;
        out.println("Next: review it, then run: regionlint check" + target);
        out.flush();
        return ExitCode.OK.code();
    }

    /** {@code us-east-1} or {@code us-east-1=standby}, in the order given. */
    static Map<String, RegionRole> parseRegions(List<String> given) {
        Map<String, RegionRole> roles = new LinkedHashMap<>();
        for (String item : given) {
            String[] parts = item.trim().split("=", 2);
            String region = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
                throw new IllegalArgumentException("'" + parts[0] + "' is not a Region code such as us-east-1");
            }
            roles.put(region, parts.length == 1 ? RegionRole.ACTIVE : role(parts[1]));
        }
        return roles;
    }

    private static RegionRole role(String text) {
        try {
            return RegionRole.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a Region role (expected active, standby or witness)");
        }
    }

    /**
     * Asks for the Regions (proposing the assembly's) and each one's role. An empty answer takes
     * the proposal; a wrong answer is asked again, at most three times.
     */
    static Map<String, RegionRole> ask(List<String> proposed, BufferedReader in, PrintWriter out) throws IOException {
        Map<String, RegionRole> roles = new LinkedHashMap<>();
        for (int attempt = 0; attempt < 3 && roles.isEmpty(); attempt++) {
            String hint = proposed.isEmpty() ? "e.g. us-east-1,eu-west-1" : String.join(",", proposed);
            out.print("Regions of the system, comma-separated [" + hint + "]: ");
            out.flush();
            String answer = in.readLine();
            if (answer == null) {
                return roles;
            }
            String chosen = answer.isBlank() ? String.join(",", proposed) : answer;
            try {
                roles = parseRegions(chosen.isBlank() ? List.of() : List.of(chosen.split(",")));
            } catch (IllegalArgumentException e) {
                out.println(e.getMessage());
            }
        }
        for (Map.Entry<String, RegionRole> entry : roles.entrySet()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                out.print("Role of " + entry.getKey() + " (active, standby, witness) [active]: ");
                out.flush();
                String answer = in.readLine();
                if (answer == null || answer.isBlank()) {
                    break;
                }
                try {
                    entry.setValue(role(answer));
                    break;
                } catch (IllegalArgumentException e) {
                    out.println(e.getMessage());
                }
            }
        }
        return roles;
    }

    private int usage(PrintWriter err, String message) {
        err.println("regionlint init: " + message);
        err.flush();
        return ExitCode.USAGE.code();
    }
}
