package io.regionlint.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the compute that runs with each IAM role: Lambda functions ({@code Role}), ECS task
 * definitions ({@code TaskRoleArn}, {@code ExecutionRoleArn}), and EC2 instances and launch
 * templates through their instance profile ({@code AWS::IAM::InstanceProfile.Roles}). Every
 * join is a hash lookup; a role or profile that is not loaded is simply not joined.
 */
final class RoleUsers {

    static final String PROFILE = "AWS::IAM::InstanceProfile";
    private final Map<String, Resource> byKey;
    private final Map<String, List<Resource>> byType;
    private final java.util.function.BiFunction<String, Resource, Optional<Resource>> roleByArnOrName;
    private final Map<String, Resource> profilesByName = new HashMap<>();

    RoleUsers(Map<String, Resource> byKey, Map<String, List<Resource>> byType,
              java.util.function.BiFunction<String, Resource, Optional<Resource>> roleByArnOrName) {
        this.byKey = byKey;
        this.byType = byType;
        this.roleByArnOrName = roleByArnOrName;
        for (Resource profile : byType.getOrDefault(PROFILE, List.of())) {
            profilesByName.putIfAbsent(profile.physicalName(), profile);
        }
    }

    /** Every use of a loaded role by loaded compute, in topology order of the compute. */
    List<RoleUse> uses() {
        List<RoleUse> out = new ArrayList<>();
        for (Resource function : byType.getOrDefault("AWS::Lambda::Function", List.of())) {
            direct(function, "Role", "Lambda function", "", out);
        }
        for (Resource task : byType.getOrDefault("AWS::ECS::TaskDefinition", List.of())) {
            direct(task, "TaskRoleArn", "ECS task definition", "as its task role", out);
            direct(task, "ExecutionRoleArn", "ECS task definition", "as its execution role", out);
        }
        for (Resource instance : byType.getOrDefault("AWS::EC2::Instance", List.of())) {
            instance.properties().get("IamInstanceProfile")
                    .ifPresent(v -> viaProfile(instance, v, "EC2 instance", out));
        }
        for (Resource template : byType.getOrDefault("AWS::EC2::LaunchTemplate", List.of())) {
            Optional<Value> profile = template.properties().at("LaunchTemplateData", "IamInstanceProfile", "Arn")
                    .or(() -> template.properties().at("LaunchTemplateData", "IamInstanceProfile", "Name"));
            profile.ifPresent(v -> viaProfile(template, v, "EC2 launch template", out));
        }
        return out;
    }

    private void direct(Resource compute, String property, String kind, String through, List<RoleUse> out) {
        Optional<Value> value = compute.properties().get(property);
        value.flatMap(Value::text).flatMap(t -> roleByArnOrName.apply(t, compute))
                .ifPresent(role -> out.add(new RoleUse(role, compute, value.get(), kind, through)));
    }

    private void viaProfile(Resource compute, Value value, String kind, List<RoleUse> out) {
        Optional<Resource> profile = value.text().flatMap(this::profile);
        if (profile.isEmpty()) {
            return;
        }
        Optional<Value> roles = profile.get().properties().get("Roles");
        List<String> names = new ArrayList<>();
        PolicyDocuments.texts(roles, names);
        for (String name : names) {
            roleByArnOrName.apply(name, profile.get()).ifPresent(role -> out.add(new RoleUse(role, compute, value, kind,
                    "through instance profile '" + profile.get().displayName() + "'")));
        }
    }

    /** The instance profile a name, ARN or token denotes. */
    private Optional<Resource> profile(String text) {
        if (Tokens.containsToken(text)) {
            return Tokens.resourceKey(text).map(byKey::get).filter(r -> r.isType(PROFILE));
        }
        return Optional.ofNullable(profilesByName.get(Arn.iam(text, "instance-profile").map(Arn::name).orElse(text)));
    }
}
