package io.regionlint.config;

import io.regionlint.load.SourceRange;
import io.regionlint.model.RegionRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code .regionlint.yaml}. Paths are already resolved against the file's folder.
 *
 * @param regions every Region of the system and its role, in file order
 * @param rules rule settings by id or id prefix
 * @param cdk {@code topology.cdk}: a CDK cloud assembly folder whose stacks join the topology
 * @param baseline {@code baseline}: the baseline file, resolved against the project file's folder
 * @param deployed {@code topology.deployed}: AWS Config snapshot files and folders whose
 *     resources (deployed state) join the topology
 * @param allowTemplatesOutside {@code topology.allowTemplatesOutside}: templates outside the
 *     project file's folder may be read (refused by default, so that a project file from
 *     elsewhere cannot make the run read any file on the machine)
 * @param ruleFiles {@code rules.files}: a team's rule files ({@code *.rlr}), resolved against the
 *     project file's folder
 * @param twins {@code topology.twins}: stack instances, by name, that must match across Regions
 *     although they are not one stack group (instances of one group are twins anyway)
 */
public record ProjectFile(Path file, Map<String, RegionRole> regions, Optional<String> defaultAccount,
                          List<StackDecl> stacks, Map<String, RuleSetting> rules, List<SuppressionDecl> suppressions,
                          Optional<CdkDecl> cdk, Optional<Path> baseline, boolean allowTemplatesOutside,
                          List<DeployedDecl> deployed, List<DeployedDecl> ruleFiles, List<TwinsDecl> twins) {

    public ProjectFile {
        twins = List.copyOf(twins);
        ruleFiles = List.copyOf(ruleFiles);
        deployed = List.copyOf(deployed);
        regions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(regions));
        stacks = List.copyOf(stacks);
        rules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules));
        suppressions = List.copyOf(suppressions);
    }

    /** A project without explicit twins. */
    public ProjectFile(Path file, Map<String, RegionRole> regions, Optional<String> defaultAccount,
                       List<StackDecl> stacks, Map<String, RuleSetting> rules, List<SuppressionDecl> suppressions,
                       Optional<CdkDecl> cdk, Optional<Path> baseline, boolean allowTemplatesOutside,
                       List<DeployedDecl> deployed, List<DeployedDecl> ruleFiles) {
        this(file, regions, defaultAccount, stacks, rules, suppressions, cdk, baseline, allowTemplatesOutside,
                deployed, ruleFiles, List.of());
    }

    /** One entry of {@code topology.twins}: stack instance names, and where the entry is written. */
    public record TwinsDecl(List<String> stacks, SourceRange declaredAt) {

        public TwinsDecl {
            stacks = List.copyOf(stacks);
        }
    }

    /** A project without rule files of its own. */
    public ProjectFile(Path file, Map<String, RegionRole> regions, Optional<String> defaultAccount,
                       List<StackDecl> stacks, Map<String, RuleSetting> rules, List<SuppressionDecl> suppressions,
                       Optional<CdkDecl> cdk, Optional<Path> baseline, boolean allowTemplatesOutside,
                       List<DeployedDecl> deployed) {
        this(file, regions, defaultAccount, stacks, rules, suppressions, cdk, baseline, allowTemplatesOutside,
                deployed, List.of());
    }

    /** A project without deployed state. */
    public ProjectFile(Path file, Map<String, RegionRole> regions, Optional<String> defaultAccount,
                       List<StackDecl> stacks, Map<String, RuleSetting> rules, List<SuppressionDecl> suppressions,
                       Optional<CdkDecl> cdk, Optional<Path> baseline, boolean allowTemplatesOutside) {
        this(file, regions, defaultAccount, stacks, rules, suppressions, cdk, baseline, allowTemplatesOutside,
                List.of());
    }

    /**
     * One entry of {@code topology.deployed} (an AWS Config snapshot file or folder) or of
     * {@code rules.files} (a rule file).
     *
     * @param path resolved against the project file's folder
     * @param declaredAt where the project file names it, for errors
     */
    public record DeployedDecl(Path path, String text, SourceRange declaredAt) {
    }

    /** A project without a baseline whose templates all sit in its folder. */
    public ProjectFile(Path file, Map<String, RegionRole> regions, Optional<String> defaultAccount,
                       List<StackDecl> stacks, Map<String, RuleSetting> rules, List<SuppressionDecl> suppressions,
                       Optional<CdkDecl> cdk) {
        this(file, regions, defaultAccount, stacks, rules, suppressions, cdk, Optional.empty(), false);
    }

    /** A project without a cloud assembly. */
    public ProjectFile(Path file, Map<String, RegionRole> regions, Optional<String> defaultAccount,
                       List<StackDecl> stacks, Map<String, RuleSetting> rules, List<SuppressionDecl> suppressions) {
        this(file, regions, defaultAccount, stacks, rules, suppressions, Optional.empty());
    }

    /**
     * {@code topology.cdk}.
     *
     * @param assembly the folder, resolved against the project file's folder
     * @param declaredAt where the project file names it, for errors
     */
    public record CdkDecl(Path assembly, String text, SourceRange declaredAt) {
    }

    /** One entry of {@code topology.stacks}. */
    public record StackDecl(String name, Optional<String> stackName, Path template, String templateText,
                            List<String> regions, Optional<String> account, Map<String, String> parameters,
                            Map<String, Map<String, String>> regionParameters, SourceRange declaredAt) {
    }

    /**
     * One entry of {@code rules}.
     *
     * @param severity "error", "warning" or "note" when overridden ({@code severity: off} is read as
     *     {@code enabled} false)
     * @param declaredAt the key's place in the project file, where a key that matches no rule is
     *     reported
     */
    public record RuleSetting(String idOrPrefix, boolean enabled, Optional<String> severity,
                              Map<String, Object> options, Optional<SourceRange> declaredAt) {

        /** A setting that was not read from a file. */
        public RuleSetting(String idOrPrefix, boolean enabled, Optional<String> severity, Map<String, Object> options) {
            this(idOrPrefix, enabled, severity, options, Optional.empty());
        }
    }

    /**
     * One entry of {@code suppressions}.
     *
     * @param declaredAt the entry in the project file, where expired and unused suppressions are reported
     */
    public record SuppressionDecl(String rule, Optional<String> resource, String reason, Optional<LocalDate> expires,
                                  SourceRange declaredAt) {

        /** An entry whose place is not known (built in code rather than read). */
        public SuppressionDecl(String rule, Optional<String> resource, String reason, Optional<LocalDate> expires) {
            this(rule, resource, reason, expires, SourceRange.fileStart(".regionlint.yaml"));
        }
    }
}
