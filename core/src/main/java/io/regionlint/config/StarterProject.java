package io.regionlint.config;

import io.regionlint.load.CloudAssembly;
import io.regionlint.load.CloudAssemblyReader;
import io.regionlint.load.DocumentLoader;
import io.regionlint.load.InputDiscovery;
import io.regionlint.model.RegionRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code regionlint init} writes: a starter {@code .regionlint.yaml} for a folder, from the
 * CloudFormation templates found below it and the CDK cloud assembly ({@code cdk.out}) beside
 * them. Scanning and rendering live here, so the project file's shape has one owner; the front
 * end only asks for the Regions and roles the folder cannot tell.
 *
 * @param folder the folder the project file will sit in
 * @param templates templates found below it, relative to it, in a stable order
 * @param assembly the cloud assembly folder, relative, when there is one
 * @param assemblyRegions the Regions of the assembly's stacks' environments, in manifest order
 */
public record StarterProject(Path folder, List<String> templates, Optional<String> assembly,
                             List<String> assemblyRegions) {

    public StarterProject {
        templates = List.copyOf(templates);
        assemblyRegions = List.copyOf(assemblyRegions);
    }

    /** Looks at a folder: templates below it (as {@code check} would find them) and its {@code cdk.out}. */
    public static StarterProject scan(Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        DocumentLoader loader = new DocumentLoader();
        List<String> templates = new ArrayList<>();
        for (Path file : InputDiscovery.candidates(root)) {
            String relative = relative(root, file);
            DocumentLoader.Result loaded = loader.load(file, relative);
            if (loaded.document().isPresent() && InputDiscovery.isTemplate(loaded.document().get())) {
                templates.add(relative);
            }
        }
        Path cdkOut = root.resolve("cdk.out");
        Optional<String> assembly = Optional.empty();
        Set<String> regions = new LinkedHashSet<>();
        if (Files.isDirectory(cdkOut) && CloudAssemblyReader.isAssembly(cdkOut)) {
            assembly = Optional.of("cdk.out");
            CloudAssembly read = CloudAssemblyReader.read(cdkOut, f -> relative(root, f), loader);
            read.stacks().forEach(s -> s.region().ifPresent(regions::add));
        }
        return new StarterProject(root, templates, assembly, List.copyOf(regions));
    }

    /**
     * The project file's text: the Regions with their roles, the account when given, one stack
     * per template (deployed to every Region; named after the file) and the cloud assembly.
     */
    public String render(Map<String, RegionRole> regions, Optional<String> account) {
        StringBuilder out = new StringBuilder();
        out.append("# regionlint project file, written by `regionlint init`. Reference: the README's\n")
                .append("# \"The project file\" section. Check that each stack goes to the Regions it is deployed to.\n")
                .append("version: 1\n")
                .append("topology:\n")
                .append("  regions:                       # active | standby | witness\n");
        regions.forEach((region, role) -> out.append("    ").append(region).append(": ")
                .append(role.name().toLowerCase(Locale.ROOT)).append('\n'));
        account.ifPresent(a -> out.append("  accounts: { default: \"").append(a).append("\" }\n"));
        if (!templates.isEmpty()) {
            out.append("  stacks:\n");
            Set<String> names = new LinkedHashSet<>();
            for (String template : templates) {
                String name = uniqueName(stem(template), names);
                out.append("    - name: ").append(name).append('\n')
                        .append("      template: ").append(quoted(template)).append('\n')
                        .append("      regions: [").append(String.join(", ", regions.keySet())).append("]\n");
            }
        }
        assembly.ifPresent(a -> out.append("  cdk: ").append(quoted(a)).append('\n'));
        return out.toString();
    }

    /** A stack name from a template path: the file name without extension, as a name CloudFormation accepts. */
    private static String stem(String template) {
        String file = template.substring(template.lastIndexOf('/') + 1);
        String base = file.replaceFirst("(\\.template)?\\.(ya?ml|json|template)$", "");
        String cleaned = base.replaceAll("[^A-Za-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
            cleaned = "stack-" + cleaned;
        }
        return cleaned;
    }

    private static String uniqueName(String name, Set<String> taken) {
        String unique = name;
        for (int n = 2; !taken.add(unique); n++) {
            unique = name + "-" + n;
        }
        return unique;
    }

    /** A YAML double-quoted scalar (paths may hold spaces or characters YAML reads specially). */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String relative(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** The Regions to propose: the assembly's, in manifest order; empty when nothing tells. */
    public List<String> proposedRegions() {
        return assemblyRegions;
    }

    /** True when there is nothing to lint below the folder. */
    public boolean isEmpty() {
        return templates.isEmpty() && assembly.isEmpty();
    }

    /** Counts for the message after writing. */
    public String describe(Map<String, RegionRole> regions) {
        List<String> parts = new ArrayList<>();
        parts.add(regions.size() + (regions.size() == 1 ? " Region" : " Regions"));
        parts.add(templates.size() + (templates.size() == 1 ? " stack" : " stacks"));
        assembly.ifPresent(a -> parts.add("the cloud assembly " + a));
        return String.join(", ", parts);
    }
}
