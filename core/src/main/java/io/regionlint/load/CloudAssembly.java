package io.regionlint.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CDK cloud assembly ({@code cdk.out}) as read by {@link CloudAssemblyReader}: its stacks in
 * manifest order, nested assemblies (stages) flattened in place, each with its template loaded.
 *
 * @param root the assembly folder
 * @param stacks every {@code aws:cloudformation:stack} artifact whose template could be loaded
 * @param files every file read (manifests and templates), for the run's file count
 * @param errors what could not be read: a missing or broken manifest, a missing template
 */
public record CloudAssembly(Path root, List<Stack> stacks, List<Path> files, List<InputError> errors) {

    public CloudAssembly {
        stacks = List.copyOf(stacks);
        files = List.copyOf(files);
        errors = List.copyOf(errors);
    }

    /**
     * One stack artifact.
     *
     * @param artifactId the artifact's id in its manifest (unique within that manifest)
     * @param stackName the CloudFormation stack name ({@code properties.stackName}, else the id)
     * @param constructPath the stack's construct path ({@code Prod-us-east-1/App})
     * @param stagePath the construct path of the stage holding it ({@code Prod-us-east-1}), empty
     *     for a stack directly in the app
     * @param account the account of its environment, empty for {@code unknown-account}
     * @param region the Region of its environment, empty for {@code unknown-region}
     * @param parameters parameter values the manifest gives for deployment
     * @param nested its nested stacks whose templates sit in the assembly
     */
    public record Stack(String artifactId, String stackName, String constructPath, String stagePath,
                        Document template, Optional<String> account, Optional<String> region,
                        Map<String, String> parameters, List<NestedStack> nested) {

        public Stack {
            parameters = Map.copyOf(parameters);
            nested = List.copyOf(nested);
        }

        /**
         * The construct path below the stage: the same for the copies of one stack that a
         * stage instantiated once per Region ({@code App} for both {@code Prod-us-east-1/App}
         * and {@code Prod-eu-west-1/App}), which makes them twins.
         */
        public String pathInStage() {
            return !stagePath.isEmpty() && constructPath.startsWith(stagePath + "/")
                    ? constructPath.substring(stagePath.length() + 1) : constructPath;
        }

        public Path templateFile() {
            return template.path();
        }
    }

    /**
     * A nested stack: an {@code AWS::CloudFormation::Stack} resource of a parent template whose
     * template the assembly holds ({@code aws:asset:path} metadata naming a
     * {@code *.nested.template.json}).
     *
     * @param logicalId the logical id of the {@code AWS::CloudFormation::Stack} resource in the parent
     * @param nested its own nested stacks
     */
    public record NestedStack(String logicalId, Document template, List<NestedStack> nested) {

        public NestedStack {
            nested = List.copyOf(nested);
        }
    }
}
