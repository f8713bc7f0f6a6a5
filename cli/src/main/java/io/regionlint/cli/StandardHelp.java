package io.regionlint.cli;

import io.regionlint.report.ReportContext;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * What every regionlint command shares, applied through {@code @Command(modelTransformer = ...)}
 * so that it holds however the command line is built (also in tests that skip {@link
 * Main#commandLine}): the version, the exit codes (on failure and in {@code --help}, listed from
 * {@link ExitCode}), and a help layout with the examples (the footer) before the exit codes.
 */
public final class StandardHelp implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        spec.versionProvider(new Version());
        spec.exitCodeOnInvalidInput(ExitCode.USAGE.code());
        spec.exitCodeOnExecutionException(ExitCode.INTERNAL_ERROR.code());
        UsageMessageSpec usage = spec.usageMessage();
        usage.exitCodeListHeading("%nExit codes:%n");
        usage.exitCodeList(ExitCode.helpTable());
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        List<String> exitCodes = List.of(UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING,
                UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST);
        keys.removeAll(exitCodes);
        keys.addAll(exitCodes);
        usage.sectionKeys(keys);
        return spec;
    }

    /** {@code regionlint 0.1.0}, the version the build wrote into the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"regionlint " + ReportContext.currentVersion()};
        }
    }
}
