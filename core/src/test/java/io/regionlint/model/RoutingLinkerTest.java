package io.regionlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.regionlint.load.Document;
import io.regionlint.load.DocumentLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingLinkerTest {

    /** One Regional template: the Region's half of a failover pair, a latency record, an accelerator in us-east-1. */
    private static final String EDGE = """
            Parameters:
              ZoneName: { Type: String }
              UnknownCheck: { Type: String }
            Conditions:
              Primary: !Equals [!Ref "AWS::Region", us-east-1]
            Resources:
              Balancer:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
              Zone:
                Type: AWS::Route53::HostedZone
                Condition: Primary
                Properties: { Name: Example.COM }
              Child:
                Type: AWS::Route53::HealthCheck
                Properties: { HealthCheckConfig: { Type: HTTPS, FullyQualifiedDomainName: a.example.com } }
              Never:
                Type: AWS::Route53::HealthCheck
                Properties:
                  HealthCheckConfig: { Type: CALCULATED, HealthThreshold: 0, ChildHealthChecks: [!Ref Child] }
              Failover:
                Type: AWS::Route53::RecordSet
                Properties:
                  HostedZoneName: !Ref ZoneName
                  Name: WWW.example.com
                  Type: cname
                  SetIdentifier: !Ref "AWS::Region"
                  Failover: !If [Primary, PRIMARY, SECONDARY]
                  HealthCheckId: !If [Primary, !Ref Never, !Ref UnknownCheck]
                  ResourceRecords: [!GetAtt Balancer.DNSName]
              Latency:
                Type: AWS::Route53::RecordSetGroup
                Properties:
                  HostedZoneName: example.com
                  RecordSets:
                    - Name: api.example.com.
                      Type: A
                      Region: !Ref "AWS::Region"
                      SetIdentifier: !Ref "AWS::Region"
                      AliasTarget:
                        DNSName: dualstack.api-1.eu-west-1.elb.amazonaws.com
                        HostedZoneId: Z32O12XQLNTSW2
                        EvaluateTargetHealth: true
              Accelerator:
                Type: AWS::GlobalAccelerator::Accelerator
                Condition: Primary
                Properties: { Name: shop }
              Listener:
                Type: AWS::GlobalAccelerator::Listener
                Condition: Primary
                Properties: { AcceleratorArn: !Ref Accelerator, Protocol: TCP, PortRanges: [{FromPort: 443, ToPort: 443}] }
              Group:
                Type: AWS::GlobalAccelerator::EndpointGroup
                Condition: Primary
                Properties:
                  ListenerArn: !Ref Listener
                  EndpointGroupRegion: us-west-2
                  EndpointConfigurations:
                    - EndpointId: arn:aws:elasticloadbalancing:us-west-2:111122223333:loadbalancer/app/shop/1
                    - EndpointId: !Ref Balancer
                      Weight: 0
            """;

    @Test
    void joinsRecordsAcrossRegionsAndReadsHealthAndTargets() {
        Document doc = new DocumentLoader().parse(EDGE, Path.of("edge.yaml"), "edge.yaml").document().orElseThrow();
        Optional<String> account = Optional.of("111122223333");
        List<StackSpec> specs = List.of(
                new StackSpec("edge-us-east-1", doc, Optional.of("us-east-1"), account, Map.of("ZoneName", "example.com.")),
                new StackSpec("edge-us-west-2", doc, Optional.of("us-west-2"), account, Map.of("ZoneName", "EXAMPLE.com")));
        Topology t = TopologyBuilder.build(specs, Map.of()).topology();

        RecordGroup failover = t.recordGroups().stream().filter(g -> g.name().equals("www.example.com.")).findFirst()
                .orElseThrow();
        assertEquals("CNAME", failover.type());
        assertEquals("example.com.", failover.zone(), "zone names join without case or trailing dot");
        assertEquals(2, failover.records().size(), "the two Regional halves are one group");
        DnsRecord primary = failover.records().get(0);
        assertEquals(Optional.of("PRIMARY"), primary.failoverRole());
        assertEquals(DnsRecord.HealthEvaluation.NEVER_FAILS, primary.health());
        assertEquals(Optional.of("us-east-1"), primary.targetRegion(), "the value refers to the stack's balancer");
        assertEquals(DnsRecord.HealthEvaluation.UNKNOWN, failover.records().get(1).health(),
                "a health check id without a value stays unknown");

        RecordGroup latency = t.recordGroups().stream().filter(g -> g.name().equals("api.example.com.")).findFirst()
                .orElseThrow();
        assertEquals(2, latency.records().size());
        assertTrue(latency.records().stream().allMatch(r -> r.targetRegion().equals(Optional.of("eu-west-1"))),
                "the Region code in a literal ELB name is the target's Region");
        assertEquals(DnsRecord.HealthEvaluation.CHECKED, latency.records().get(0).health());

        assertEquals(1, t.gaListeners().size());
        GaListener listener = t.gaListeners().get(0);
        assertTrue(listener.accelerator().isPresent());
        GaEndpointGroup group = listener.groups().get(0);
        assertEquals(Optional.of("us-west-2"), group.region());
        assertEquals(Optional.of(100.0), group.trafficDial(), "the dial defaults to 100");
        assertEquals(Optional.of(128L), group.endpoints().get(0).weight(), "the weight defaults to 128");
        assertEquals(GaEndpointGroup.EndpointKind.LOAD_BALANCER, group.endpoints().get(0).kind());
        assertEquals(GaEndpointGroup.EndpointKind.LOAD_BALANCER, group.endpoints().get(1).kind());
        assertEquals(Optional.of("us-east-1"), group.endpoints().get(1).region());
    }

    @Test
    void hostedZoneIdOfALoadedZoneJoinsByName() {
        String template = """
                Resources:
                  Zone:
                    Type: AWS::Route53::HostedZone
                    Properties: { Name: example.com }
                  ById:
                    Type: AWS::Route53::RecordSet
                    Properties: { HostedZoneId: !Ref Zone, Name: a.example.com, Type: A, Weight: 1, SetIdentifier: x,
                                  ResourceRecords: ["192.0.2.1"] }
                  ByName:
                    Type: AWS::Route53::RecordSet
                    Properties: { HostedZoneName: example.com., Name: a.example.com, Type: A, Weight: 1, SetIdentifier: y,
                                  ResourceRecords: ["192.0.2.2"] }
                """;
        Document doc = new DocumentLoader().parse(template, Path.of("z.yaml"), "z.yaml").document().orElseThrow();
        Topology t = TopologyBuilder.build(List.of(new StackSpec("z", doc, Optional.of("us-east-1"),
                Optional.of("111122223333"), Map.of())), Map.of()).topology();
        assertEquals(1, t.recordGroups().size());
        assertEquals(2, t.recordGroups().get(0).records().size());
        assertEquals(DnsRecord.RoutingPolicy.WEIGHTED, t.recordGroups().get(0).policy());
    }
}
