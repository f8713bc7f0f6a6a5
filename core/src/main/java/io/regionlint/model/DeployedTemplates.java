package io.regionlint.model;

import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import io.regionlint.load.InputDiscovery;
import io.regionlint.load.InputError;
import io.regionlint.load.ListNode;
import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import io.regionlint.load.SourceRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Templates that a template deploys, planned as stack instances of their own: the stack sets
 * ({@code AWS::CloudFormation::StackSet}, one instance per account and Region of each
 * {@code StackInstancesGroup}) and the nested stacks ({@code AWS::CloudFormation::Stack}) whose
 * template is a local file, as written before {@code aws cloudformation package}. Both become
 * nested specs ({@link StackSpec#nested}): the topology builder then passes them the parameters
 * their resource gives, resolved in the parent, exactly as for CDK's nested stacks. What cannot
 * be followed (a template in S3, Regions only known at deploy time) is kept as
 * {@link InputPlan.NotFollowed}, so that the run says what it did not read.
 *
 * <p>Property names are those of the CloudFormation template reference (see
 * docs/aws-facts-inputs.md).
 */
final class DeployedTemplates {

    static final String STACK = "AWS::CloudFormation::Stack";
    static final String STACK_SET = "AWS::CloudFormation::StackSet";
    /** Stacks within stacks: far deeper than any real system. */
    private static final int MAX_DEPTH = 16;
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REMOTE = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");

    private final InputPlanner planner;
    private final InputPlanner.Draft draft;

    private DeployedTemplates(InputPlanner planner, InputPlanner.Draft draft) {
        this.planner = planner;
        this.draft = draft;
    }

    /** Plans what the parent's template deploys, right after the parent, recursively. */
    static void follow(InputPlanner planner, InputPlanner.Draft draft, StackSpec parent) {
        Set<Path> chain = new HashSet<>();
        chain.add(parent.template().path().toAbsolutePath().normalize());
        new DeployedTemplates(planner, draft).follow(parent, chain, 0);
    }

    private void follow(StackSpec parent, Set<Path> chain, int depth) {
        if (!(parent.template().root() instanceof MapNode root)
                || !(root.get("Resources").orElse(null) instanceof MapNode resources)) {
            return;
        }
        for (Map.Entry<String, Node> entry : resources.entries().entrySet()) {
            if (!(entry.getValue() instanceof MapNode resource)) {
                continue;
            }
            String type = text(resource.get("Type")).orElse("");
            if (type.equals(STACK) && map(resource, "Metadata").flatMap(m -> m.get("aws:asset:path")).isEmpty()) {
                nestedStack(parent, entry.getKey(), resource, chain, depth); // CDK's are read with their assembly
            } else if (type.equals(STACK_SET)) {
                stackSet(parent, entry.getKey(), resource, chain, depth);
            }
        }
    }

    private void nestedStack(StackSpec parent, String logicalId, MapNode resource, Set<Path> chain, int depth) {
        Optional<Node> url = map(resource, "Properties").flatMap(p -> p.get("TemplateURL"));
        Optional<Path> file = localFile(parent, url);
        if (file.isEmpty()) {
            notFollowed(parent, logicalId, "TemplateURL", "nested stack template", remoteReason(url,
                    "lint the template it was packaged from with the parent, naming it by a relative TemplateURL"
                            + " as before 'aws cloudformation package'"));
            return;
        }
        Optional<Document> template = load(file.get(), url.get().range(), "nested stack '" + logicalId + "'",
                chain, depth);
        if (template.isEmpty()) {
            return;
        }
        String name = planner.uniqueName(draft, parent.name() + "-" + logicalId, parent.region(), parent.account());
        StackSpec spec = StackSpec.nested(name, parent.group() + "/" + logicalId, template.get(), parent.region(),
                parent.account(), new StackSpec.NestedIn(parent.name(), logicalId));
        planner.addFollowed(draft, spec);
        follow(spec, deeper(chain, file.get()), depth + 1);
    }

    /**
     * A stack set: its template (inline {@code TemplateBody}, or {@code TemplateURL} naming a
     * file beside the template), deployed to every account and Region of each
     * {@code StackInstancesGroup}. The instances of one stack set are twins (one group).
     */
    private void stackSet(StackSpec parent, String logicalId, MapNode resource, Set<Path> chain, int depth) {
        MapNode properties = map(resource, "Properties").orElse(null);
        if (properties == null) {
            notFollowed(parent, logicalId, "Type", "stack set template", "it has no Properties, so neither its"
                    + " template nor its Regions are known");
            return;
        }
        Optional<Document> template = stackSetTemplate(parent, logicalId, properties, chain, depth);
        if (template.isEmpty()) {
            return;
        }
        String setName = text(properties.get("StackSetName")).filter(n -> !n.isBlank()).orElse(logicalId);
        Optional<Node> groups = properties.get("StackInstancesGroup");
        if (groups.isEmpty() || !(groups.get() instanceof ListNode list) || list.items().isEmpty()) {
            notFollowed(parent, logicalId, "StackSetName", "stack set Regions", "it declares no"
                    + " StackInstancesGroup, so where its stack instances run is not in the template; declare"
                    + " them there, or lint its template on its own with --regions");
            return;
        }
        int index = 0;
        for (Node item : list.items()) {
            index++;
            Optional<List<String>> regions = item instanceof MapNode g ? strings(g.get("Regions"), parent)
                    : Optional.empty();
            if (!(item instanceof MapNode group) || regions.isEmpty()) {
                notFollowed(parent, logicalId, "StackInstancesGroup", "stack set Regions", "the Regions of"
                        + " StackInstancesGroup item " + index + " are neither a list of Region codes nor a parameter"
                        + " with a known value; give the Regions literally, or give the parameter a value");
                continue;
            }
            List<Optional<String>> accounts = accounts(group, parent);
            for (Optional<String> account : accounts) {
                for (String region : regions.get()) {
                    String base = setName + (accounts.size() > 1 ? "-" + account.orElse("") : "") + "-" + region;
                    String name = planner.uniqueName(draft, base, Optional.of(region), account);
                    StackSpec spec = StackSpec.nested(name, parent.group() + "/" + logicalId, template.get(),
                            Optional.of(region), account, StackSpec.NestedIn.from(new StackId(parent.account(),
                                    parent.region(), parent.name()), logicalId));
                    planner.addFollowed(draft, spec);
                    follow(spec, deeper(chain, template.get().path()), depth + 1);
                }
            }
        }
    }

    private Optional<Document> stackSetTemplate(StackSpec parent, String logicalId, MapNode properties,
                                                Set<Path> chain, int depth) {
        Optional<Node> body = properties.get("TemplateBody");
        if (body.isPresent() && body.get() instanceof MapNode inline) {
            // an inline template written as YAML: its nodes already carry their place in the file
            return Optional.of(new Document(parent.template().path(), parent.template().displayPath(), inline));
        }
        if (body.isPresent() && body.get() instanceof ScalarNode scalar && scalar.value() instanceof String text) {
            return inlineText(parent, logicalId, scalar, text);
        }
        if (body.isPresent()) {
            notFollowed(parent, logicalId, "TemplateBody", "stack set template", "its TemplateBody is computed"
                    + " (an intrinsic function), so the template cannot be read; write it inline or name a file"
                    + " beside this template by a relative TemplateURL");
            return Optional.empty();
        }
        Optional<Node> url = properties.get("TemplateURL");
        Optional<Path> file = localFile(parent, url);
        if (file.isEmpty()) {
            notFollowed(parent, logicalId, url.isPresent() ? "TemplateURL" : "StackSetName", "stack set template",
                    url.isEmpty() ? "it names neither TemplateBody nor TemplateURL"
                            : remoteReason(url, "name the template file beside this one by a relative path, or"
                            + " lint that template on its own with --regions"));
            return Optional.empty();
        }
        return load(file.get(), url.get().range(), "stack set '" + logicalId + "'", chain, depth);
    }

    /**
     * A {@code TemplateBody} given as text. A block scalar ({@code |}) is parsed in place: the
     * text is indented and moved down to where it sits in the file, so findings in it point at
     * the right line and column. A quoted string is placed on its line; columns inside it can
     * be off where it uses escapes.
     */
    private Optional<Document> inlineText(StackSpec parent, String logicalId, ScalarNode scalar, String text) {
        Document host = parent.template();
        SourceRange at = scalar.range();
        String placed = "\n".repeat(Math.max(0, at.line() - 1)) + " ".repeat(Math.max(0, at.column() - 1)) + text;
        try {
            List<String> lines = Files.readAllLines(host.path());
            String first = at.line() - 1 < lines.size() ? lines.get(at.line() - 1) : "";
            String indicator = at.column() - 1 < first.length() ? first.substring(at.column() - 1).trim() : "";
            if (indicator.startsWith("|") || indicator.startsWith(">")) {
                int content = at.line();
                while (content < lines.size() && lines.get(content).isBlank()) {
                    content++;
                }
                String line = content < lines.size() ? lines.get(content) : "";
                String indent = " ".repeat(line.length() - line.stripLeading().length());
                StringBuilder out = new StringBuilder("\n".repeat(content));
                for (String l : text.split("\n", -1)) {
                    out.append(l.isEmpty() ? "" : indent).append(l).append('\n');
                }
                placed = out.toString();
            }
        } catch (IOException | RuntimeException e) {
            // positions then fall back to the scalar's own line
        }
        DocumentLoader.Result parsed = planner.loader().parse(placed, host.path(), host.displayPath());
        if (parsed.error().isPresent()) {
            InputError e = parsed.error().get();
            planner.error(new InputError(e.file(), e.line(), e.column(), "TemplateBody of stack set '" + logicalId
                    + "': " + e.message()));
            return Optional.empty();
        }
        Document document = parsed.document().orElseThrow();
        if (!InputDiscovery.isTemplate(document)) {
            planner.error(InputError.at(at, "TemplateBody of stack set '" + logicalId + "' is not a CloudFormation"
                    + " template (no Resources or AWSTemplateFormatVersion section)"));
            return Optional.empty();
        }
        return Optional.of(document);
    }

    /** A local template a TemplateURL names, relative to the template that names it. */
    private static Optional<Path> localFile(StackSpec parent, Optional<Node> url) {
        Optional<String> text = text(url).filter(t -> !t.isBlank() && !REMOTE.matcher(t).matches());
        Path folder = parent.template().path().toAbsolutePath().normalize().getParent();
        if (text.isEmpty() || folder == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(folder.resolve(text.get()).normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String remoteReason(Optional<Node> url, String fix) {
        if (url.isEmpty()) {
            return "it names no TemplateURL";
        }
        return text(url).map(t -> "its TemplateURL '" + t + "' is not a local file, and templates in S3 or on the"
                + " web are not fetched; " + fix)
                .orElse("its TemplateURL is computed (an intrinsic function), so the template cannot be located; "
                        + fix);
    }

    private Optional<Document> load(Path file, SourceRange namedAt, String what, Set<Path> chain, int depth) {
        if (chain.contains(file) || depth >= MAX_DEPTH) {
            planner.error(InputError.at(namedAt, what + " is not read: " + (chain.contains(file)
                    ? "its template contains itself" : "stacks nested deeper than " + MAX_DEPTH
                    + " levels are not read")));
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            planner.error(InputError.at(namedAt, "template '" + planner.display(file) + "' of " + what
                    + " does not exist"));
            return Optional.empty();
        }
        return planner.template(file, true);
    }

    /**
     * The accounts of a group: {@code DeploymentTargets.Accounts} when literal; none known for
     * organizational units (their accounts are decided by AWS Organizations); else the parent's.
     */
    private static List<Optional<String>> accounts(MapNode group, StackSpec parent) {
        Optional<MapNode> targets = map(group, "DeploymentTargets");
        Optional<List<String>> listed = targets.flatMap(t -> strings(t.get("Accounts"), parent))
                .filter(l -> !l.isEmpty() && l.stream().allMatch(a -> ACCOUNT.matcher(a).matches()));
        if (listed.isPresent()) {
            return listed.get().stream().distinct().map(Optional::of).toList();
        }
        if (targets.flatMap(t -> t.get("OrganizationalUnitIds")).isPresent()
                || targets.flatMap(t -> t.get("Accounts")).isPresent()) {
            return List.of(Optional.empty());
        }
        return List.of(parent.account());
    }

    /**
     * A list of strings written literally, or as {@code !Ref} of a parameter whose value is
     * given (or defaulted); items may be such references too. Empty when anything is computed.
     */
    private static Optional<List<String>> strings(Optional<Node> node, StackSpec parent) {
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof ListNode list) {
            List<String> out = new ArrayList<>();
            for (Node item : list.items()) {
                Optional<String> value = item instanceof ScalarNode s ? Optional.of(s.text()) : parameter(item, parent);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                out.add(value.get().trim());
            }
            return Optional.of(out);
        }
        return parameter(node.get(), parent).map(v -> List.of(v.split(",")).stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
    }

    /** The value of {@code {Ref: P}} for a parameter P of the parent: given, else its default. */
    private static Optional<String> parameter(Node node, StackSpec parent) {
        if (!(node instanceof MapNode ref) || ref.entries().size() != 1 || !(ref.get("Ref").orElse(null)
                instanceof ScalarNode name)) {
            return Optional.empty();
        }
        if (parent.parameters().containsKey(name.text())) {
            return Optional.of(parent.parameters().get(name.text()));
        }
        if (!(parent.template().root() instanceof MapNode root)) {
            return Optional.empty();
        }
        Optional<Node> declared = map(root, "Parameters").flatMap(p -> p.get(name.text()));
        Optional<Node> fallback = declared.filter(MapNode.class::isInstance).flatMap(d -> ((MapNode) d).get("Default"));
        if (fallback.isPresent() && fallback.get() instanceof ListNode list
                && list.items().stream().allMatch(ScalarNode.class::isInstance)) {
            return Optional.of(String.join(",", list.items().stream().map(i -> ((ScalarNode) i).text()).toList()));
        }
        return text(fallback);
    }

    private void notFollowed(StackSpec parent, String logicalId, String property, String kind, String reason) {
        planner.notFollowed(draft, new InputPlan.NotFollowed(parent.name(), parent.region(), parent.account(),
                logicalId, property, kind, reason));
    }

    private static Set<Path> deeper(Set<Path> chain, Path file) {
        Set<Path> out = new HashSet<>(chain);
        out.add(file.toAbsolutePath().normalize());
        return out;
    }

    private static Optional<MapNode> map(MapNode parent, String key) {
        return parent.get(key).filter(MapNode.class::isInstance).map(MapNode.class::cast);
    }

    private static Optional<String> text(Optional<Node> node) {
        return node.filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).text());
    }
}
