package io.regionlint.model;

import io.regionlint.load.MapNode;
import io.regionlint.load.Node;
import io.regionlint.load.ScalarNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Values one stack reads from others, and the values it gives them: {@code Fn::ImportValue} of
 * exports, {@code Fn::GetStackOutput}, nested stack outputs and CDK cross-Region references
 * (SSM parameters under {@code /cdk/exports/}). The keys below are how the topology builder
 * hands the loaded stacks' values from one resolution round to the next.
 */
final class CrossStackValues {

    /** The prefix of the SSM parameters that carry CDK cross-Region references. */
    static final String CDK_EXPORTS = "/cdk/exports/";
    /** The custom resource that writes a producer's values to SSM in each consumer's Region. */
    static final String CDK_EXPORT_WRITER = "Custom::CrossRegionExportWriter";
    /** The custom resource a consumer reads those SSM parameters through. */
    static final String CDK_EXPORT_READER = "Custom::CrossRegionExportReader";

    private final StackInstance stack;
    /**
     * Values the loaded stacks give other stacks: exports by {@link #exportKey} (read by
     * {@code Fn::ImportValue}), CDK cross-Region references by {@link #ssmExportKey}, nested stack
     * outputs by {@link #nestedOutputKey}.
     */
    private final Map<String, Value> exports;
    private boolean importsSeen;

    CrossStackValues(StackInstance stack, Map<String, Value> exports) {
        this.stack = stack;
        this.exports = exports;
    }

    /** Exports are per account and Region: an import reads only its own stack's. */
    static String exportKey(Optional<String> account, Optional<String> region, String name) {
        return account.orElse("?") + "|" + region.orElse("?") + "|" + name;
    }

    /** A CDK cross-Region reference: an SSM parameter in one account and Region. */
    static String ssmExportKey(Optional<String> account, String region, String parameterName) {
        return "ssm|" + account.orElse("?") + "|" + region + "|" + parameterName;
    }

    /**
     * An output of a stack as {@code Fn::GetStackOutput} reads it: by stack name and output name,
     * in an account and Region (the reader's unless it names another Region).
     */
    static String stackOutputKey(Optional<String> account, String region, String stackName, String output) {
        return "output|" + account.orElse("?") + "|" + region + "|" + stackName + "|" + output;
    }

    /**
     * An output of a nested stack, as its parent reads it ({@code Fn::GetAtt [Nested, Outputs.X]}):
     * by the parent's identity (a parent named {@code app} in two Regions is two parents).
     */
    static String nestedOutputKey(StackId parent, String logicalId, String output) {
        return "nested|" + parent.key() + "|" + logicalId + "|" + output;
    }

    /**
     * {@code Fn::GetStackOutput {StackName, OutputName, Region, RoleArn}}: another stack's output,
     * possibly in another Region (a weak reference; CDK's default for new projects). With a
     * RoleArn the stack may be in another account, which the templates do not tell: unknown.
     *
     * @param spec the function's argument, resolved
     */
    Value stackOutput(Value spec, Node at) {
        importsSeen = true;
        Optional<String> stackName = spec.textAt("StackName");
        Optional<String> output = spec.textAt("OutputName");
        Optional<String> region = spec.at("Region").isPresent() ? spec.textAt("Region")
                : stack.region();
        if (stackName.isEmpty() || output.isEmpty() || region.isEmpty()) {
            return unknown("Fn::GetStackOutput with a stack, output or Region that is not known", at);
        }
        if (spec.at("RoleArn").isPresent()) {
            return unknown("Fn::GetStackOutput of stack '" + stackName.get() + "' through a role in another account",
                    at);
        }
        Value value = exports.get(stackOutputKey(stack.account(), region.get(), stackName.get(), output.get()));
        if (value != null) {
            return IntrinsicFunctions.locatedAt(value, at);
        }
        return unknown("Fn::GetStackOutput: no loaded stack '" + Tokens.display(stackName.get()) + "' in "
                + region.get() + " has an output '" + output.get() + "'", at);
    }

    /** An output of a nested stack created by this stack's resource {@code logicalId}. */
    Value nestedOutput(String logicalId, String output, Node at) {
        importsSeen = true;
        Value value = exports.get(nestedOutputKey(stack.id(), logicalId, output));
        return value != null ? IntrinsicFunctions.locatedAt(value, at)
                : unknown("output '" + output + "' of nested stack '" + logicalId + "': its template is not"
                + " loaded or the output is not known", at);
    }

    /**
     * What a {@code Custom::CrossRegionExportWriter} writes: {@code WriterProps.exports} maps SSM
     * parameter names ({@code /cdk/exports/<consumer stack>/<id>}) to values, written in the
     * Region {@code WriterProps.region} of the writer's own account.
     */
    static Map<String, Value> writerExports(StackInstance writer, MapValue properties) {
        Map<String, Value> out = new LinkedHashMap<>();
        Optional<String> region = properties.textAt("WriterProps", "region");
        Optional<Value> exported = properties.at("WriterProps", "exports");
        if (region.isEmpty() || exported.isEmpty() || !(exported.get() instanceof MapValue map)) {
            return out;
        }
        map.entries().forEach((name, value) -> {
            if (name.startsWith(CDK_EXPORTS) && !value.isUnknown()) {
                out.put(ssmExportKey(writer.account(), region.get(), name), value);
            }
        });
        return out;
    }

    /**
     * A CDK cross-Region reference read in this stack: the value the producer's writer put in
     * SSM in this stack's account and Region, where that stack is loaded.
     */
    Value crossRegionReference(String parameterName, Node at) {
        importsSeen = true;
        if (stack.region().isPresent()) {
            Value written = exports.get(ssmExportKey(stack.account(), stack.region().get(), parameterName));
            if (written != null) {
                return IntrinsicFunctions.locatedAt(written, at);
            }
        }
        return unknown("CDK cross-Region reference '" + parameterName + "': no loaded stack writes it to "
                + stack.regionLabel(), at);
    }

    /**
     * True once this stack read a value another stack gives (an {@code Fn::ImportValue}, a CDK
     * cross-Region reference, a nested stack's output): it must be resolved again once those
     * values are known.
     */
    boolean importsSeen() {
        return importsSeen;
    }

    /** @param exportName the function's argument, resolved */
    Value importValue(Value exportName, Node at) {
        importsSeen = true;
        Optional<String> name = exportName.text();
        if (name.isEmpty()) {
            return unknown("Fn::ImportValue of a name that is not known", at);
        }
        if (stack.region().isPresent()) {
            Value exported = exports.get(exportKey(stack.account(), stack.region(), name.get()));
            if (exported instanceof ScalarValue scalar) {
                return new ScalarValue(scalar.value(), at); // located at the import, where users read it
            }
            if (exported != null) {
                return exported;
            }
        }
        return unknown("Fn::ImportValue '" + Tokens.display(name.get()) + "': no loaded stack in "
                + stack.regionLabel() + " exports it", at);
    }

    /** The stack's outputs whose value is known and whose condition holds, by output name. */
    Map<String, Value> outputs(MapNode root, Resolver resolver) {
        Map<String, Value> out = new LinkedHashMap<>();
        Optional<Node> outputs = root.get("Outputs");
        if (outputs.isEmpty() || !(outputs.get() instanceof MapNode outputMap)) {
            return out;
        }
        for (Map.Entry<String, Node> entry : outputMap.entries().entrySet()) {
            if (!(entry.getValue() instanceof MapNode o) || o.get("Value").isEmpty()) {
                continue;
            }
            Optional<Node> condition = o.get("Condition").filter(ScalarNode.class::isInstance);
            if (condition.isPresent() && resolver.condition((ScalarNode) condition.get()) == Truth.FALSE) {
                continue;
            }
            Value value = resolver.resolve(o.get("Value").get());
            if (!(value instanceof NoValue) && !value.isUnknown()) {
                out.put(entry.getKey(), value);
            }
        }
        return out;
    }

    /** The stack's exports: {@code Outputs.*.Export.Name} to the output's value. */
    Map<String, Value> exports(MapNode root, Resolver resolver) {
        Map<String, Value> out = new LinkedHashMap<>();
        Optional<Node> outputs = root.get("Outputs");
        if (outputs.isEmpty() || !(outputs.get() instanceof MapNode outputMap)) {
            return out;
        }
        for (Node output : outputMap.entries().values()) {
            if (!(output instanceof MapNode o) || o.get("Value").isEmpty()) {
                continue;
            }
            Optional<Node> exportName = o.get("Export").filter(MapNode.class::isInstance)
                    .flatMap(e -> ((MapNode) e).get("Name"));
            if (exportName.isEmpty()) {
                continue;
            }
            Optional<Node> condition = o.get("Condition").filter(ScalarNode.class::isInstance);
            if (condition.isPresent() && resolver.condition((ScalarNode) condition.get()) == Truth.FALSE) {
                continue;
            }
            Value name = resolver.resolve(exportName.get());
            Value value = resolver.resolve(o.get("Value").get());
            if (name.text().isPresent() && !(value instanceof NoValue) && !value.isUnknown()) {
                out.put(exportKey(stack.account(), stack.region(), name.text().get()), value);
            }
        }
        return out;
    }

    private static UnknownValue unknown(String reason, Node at) {
        return new UnknownValue(reason, at);
    }
}
