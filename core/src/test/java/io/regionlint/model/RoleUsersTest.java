package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleUsersTest {

    /** A role shared by name from another stack, and one role per Region used four ways. */
    private static final String APP = """
            Resources:
              AppRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: []}
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !GetAtt AppRole.Arn
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  TaskRoleArn: !GetAtt AppRole.Arn
                  ExecutionRoleArn: arn:aws:iam::111122223333:role/shared-execution
              Profile:
                Type: AWS::IAM::InstanceProfile
                Properties:
                  Roles: [!Ref AppRole]
              Instance:
                Type: AWS::EC2::Instance
                Properties:
                  IamInstanceProfile: !Ref Profile
              Launch:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    IamInstanceProfile: {Arn: !GetAtt Profile.Arn}
              External:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::111122223333:role/not-loaded
            """;

    private static final String IAM = """
            Resources:
              Execution:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: shared-execution
                  AssumeRolePolicyDocument: {Statement: []}
              NamedProfile:
                Type: AWS::IAM::InstanceProfile
                Properties:
                  InstanceProfileName: shared-profile
                  Roles: [shared-execution]
            """;

    private static final String HOSTS = """
            Resources:
              Host:
                Type: AWS::EC2::Instance
                Properties:
                  IamInstanceProfile: shared-profile
            """;

    @Test
    void knowsWhichComputeUsesEachRoleInWhichRegion() {
        DocumentLoader loader = new DocumentLoader();
        Document app = loader.parse(APP, Path.of("app.yaml"), "app.yaml").document().orElseThrow();
        Document iam = loader.parse(IAM, Path.of("iam.yaml"), "iam.yaml").document().orElseThrow();
        Document hosts = loader.parse(HOSTS, Path.of("hosts.yaml"), "hosts.yaml").document().orElseThrow();
        Optional<String> account = Optional.of("111122223333");
        Topology t = TopologyBuilder.build(List.of(
                new StackSpec("iam", iam, Optional.of("us-east-1"), account, Map.of()),
                new StackSpec("app-us-east-1", app, Optional.of("us-east-1"), account, Map.of()),
                new StackSpec("app-eu-west-1", app, Optional.of("eu-west-1"), account, Map.of()),
                new StackSpec("hosts-ap-south-1", hosts, Optional.of("ap-south-1"), account, Map.of())),
                Map.of()).topology();

        Resource appRoleWest = t.resources("AWS::IAM::Role").stream()
                .filter(r -> (r.stack().name() + "/" + r.logicalId()).equals("app-eu-west-1/AppRole")).findFirst().orElseThrow();
        assertEquals(List.of(
                        "app-eu-west-1/Fn Lambda function 'Fn' eu-west-1",
                        "app-eu-west-1/Task ECS task definition 'Task' (as its task role) eu-west-1",
                        "app-eu-west-1/Instance EC2 instance 'Instance' (through instance profile 'Profile') eu-west-1",
                        "app-eu-west-1/Launch EC2 launch template 'Launch' (through instance profile 'Profile')"
                                + " eu-west-1"),
                describe(t.roleUsers(appRoleWest)), "each Region's role serves that Region's compute only");

        Resource shared = t.resources("AWS::IAM::Role").stream().filter(r -> (r.stack().name() + "/" + r.logicalId()).equals("iam/Execution"))
                .findFirst().orElseThrow();
        assertEquals(List.of(
                        "app-us-east-1/Task ECS task definition 'Task' (as its execution role) us-east-1",
                        "app-eu-west-1/Task ECS task definition 'Task' (as its execution role) eu-west-1",
                        "hosts-ap-south-1/Host EC2 instance 'Host' (through instance profile 'shared-profile')"
                                + " ap-south-1"),
                describe(t.roleUsers(shared)), "a role is global: named from any Region, used in that Region");

        assertEquals(11, t.roleUses().size(),
                "five uses per app Region and the host; none for the function whose role is not loaded");
    }

    private static List<String> describe(List<RoleUse> uses) {
        return uses.stream().map(u -> u.compute().stack().name() + "/" + u.compute().logicalId() + " " + u.label() + " " + u.region().orElse("?")).toList();
    }
}
