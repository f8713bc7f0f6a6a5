package io.regionlint.model;

import java.util.Optional;

/**
 * Compute that runs with an IAM role: what it is allowed to do, it does from its own Region.
 * IAM roles are global; the Region of a use is the Region of the compute resource.
 *
 * @param role the loaded {@code AWS::IAM::Role}
 * @param compute the Lambda function, ECS task definition, EC2 instance or launch template
 * @param at the value of the compute resource that names the role (or its instance profile)
 * @param kind what the compute is, for messages ("Lambda function", "ECS task definition")
 * @param through how it gets the role, for messages ("as its task role", "through instance
 *     profile 'web'"); empty where the kind says it
 */
public record RoleUse(Resource role, Resource compute, Value at, String kind, String through) {

    /** The Region the compute runs in; empty when its stack's Region is not known. */
    public Optional<String> region() {
        return compute.region();
    }

    /** "ECS task definition 'Api' (as its task role)": how messages name the use. */
    public String label() {
        return kind + " '" + compute.displayName() + "'" + (through.isEmpty() ? "" : " (" + through + ")");
    }
}
