package io.regionlint.rules.observe;

import io.regionlint.engine.Rule;
import io.regionlint.engine.RuleContext;
import io.regionlint.engine.RuleInfo;
import io.regionlint.engine.RuleOption;
import io.regionlint.engine.Severity;
import io.regionlint.engine.Site;
import io.regionlint.model.DeployedOrigin;
import io.regionlint.model.RegionRole;
import io.regionlint.model.Resource;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RL7005: an Auto Scaling group or ECS service whose twins (the same logical id in the instances
 * of one stack in several Regions) pre-provision less capacity in one Region than in another.
 * After a Regional failure the survivors must take the lost Region's traffic with what is already
 * running: scaling out through a control plane during the event is not guaranteed. Runs on
 * deployed state too: AWS Config records groups and services with their sizes; deployed twins
 * are paired by CloudFormation's tags ({@link DeployedOrigin}), and ECS services, which
 * CloudFormation does not tag, by cluster and service name. Application Auto Scaling targets are
 * not recorded, but a deployed service's desired count already lies within its target's range.
 */
@RuleInfo(id = "RL7005", summary = "Twin Auto Scaling groups or ECS services pre-provision less capacity in one Region",
        severity = Severity.WARNING, category = "observability", since = "0.1.0")
public final class StandbyCapacityAsymmetricRule implements Rule {

    /** Option: the share, in percent, of the largest twin's capacity every twin must have. */
    static final String MIN_SHARE = "minSharePercent";
    static final long DEFAULT_MIN_SHARE = 100;

    private static final String ASG = "AWS::AutoScaling::AutoScalingGroup";
    private static final String ECS = "AWS::ECS::Service";
    private static final String TARGET = "AWS::ApplicationAutoScaling::ScalableTarget";

    /** A twin's pre-provisioned capacity and the value it was read from. */
    private record Capacity(Resource resource, BigDecimal amount, Value at, String property) {
    }

    @Override
    public List<RuleOption> options() {
        return List.of(RuleOption.wholeNumber(MIN_SHARE, DEFAULT_MIN_SHARE, 1, 100, "The share, in percent, of"
                + " the largest twin's pre-provisioned capacity every twin must have."));
    }

    @Override
    public void check(RuleContext context) {
        long share = context.wholeNumber(MIN_SHARE);
        Topology topology = context.topology();
        Map<io.regionlint.model.StackId, List<Resource>> targets = new java.util.HashMap<>();
        for (Resource target : topology.resources(TARGET)) {
            targets.computeIfAbsent(target.stack().id(), k -> new ArrayList<>()).add(target);
        }
        Map<String, List<Resource>> twins = new LinkedHashMap<>();
        for (String type : List.of(ASG, ECS)) {
            for (Resource r : topology.resources(type)) {
                if (r.region().isEmpty() || r.conditionUnknown()
                        || topology.regionRole(r.region().get()).orElse(RegionRole.ACTIVE) == RegionRole.WITNESS) {
                    continue;
                }
                twinKey(r).ifPresent(key -> twins.computeIfAbsent(type + "|" + key,
                        k -> new ArrayList<>()).add(r));
            }
        }
        for (List<Resource> set : twins.values()) {
            if (set.stream().map(Resource::region).distinct().count() < 2) {
                continue;
            }
            List<Capacity> capacities = new ArrayList<>();
            for (Resource r : set) {
                Optional<Capacity> c = r.isType(ASG) ? asg(r)
                        : ecs(targets.getOrDefault(r.stack().id(), List.of()), r);
                if (c.isEmpty()) {
                    capacities = List.of(); // one twin not known: the comparison is not made
                    break;
                }
                capacities.add(c.get());
            }
            if (capacities.isEmpty()) {
                continue;
            }
            Capacity largest = capacities.stream().max((a, b) -> a.amount().compareTo(b.amount())).orElseThrow();
            BigDecimal floor = largest.amount().multiply(BigDecimal.valueOf(share)).divide(BigDecimal.valueOf(100));
            for (Capacity c : capacities) {
                if (c.amount().compareTo(floor) >= 0) {
                    continue;
                }
                Resource r = c.resource();
                String kind = r.isType(ASG) ? "Auto Scaling group" : "ECS service";
                String unit = r.isType(ASG) ? "instances" : "tasks";
                context.report(Site.of(r, c.at()), kind + " " + r.describe() + " pre-provisions " + c.amount().toPlainString()
                                + " " + unit + " (" + c.property() + ") where its twin in "
                                + largest.resource().region().orElse("?") + " runs " + largest.amount().toPlainString()
                                + " (" + largest.property() + "): when " + largest.resource().region().orElse("?")
                                + " fails, " + r.region().orElse("?") + " must take its traffic with what is already"
                                + " running, and scaling out during a Regional event is not guaranteed; provision "
                                + (share == 100 ? "the same capacity" : "at least " + share + "% of it")
                                + " in every Region (rule option " + MIN_SHARE + " sets the share)")
                        .related(largest.resource(), Optional.of(largest.at()), "the twin with the most capacity");
            }
        }
    }

    /**
     * What twins share: a declared resource's stack group, account and logical id; a deployed
     * one's CloudFormation origin (stacks whose names differ only by a Region code). Declared and
     * deployed twins are compared apart: what runs may differ from what a template declares
     * (scaling moves the desired capacity), and both are worth knowing.
     */
    private static Optional<String> twinKey(Resource r) {
        if (r.observed().isEmpty()) {
            return Optional.of("declared|" + r.stack().group() + "|" + r.stack().account().orElse("?") + "|"
                    + r.logicalId());
        }
        Optional<DeployedOrigin> origin = DeployedOrigin.of(r);
        if (origin.isPresent()) {
            return origin.get().twinKey().map(key -> "deployed|" + key);
        }
        return r.isType(ECS) ? serviceTwinKey(r) : Optional.empty();
    }

    /**
     * CloudFormation does not tag the ECS services it creates, so deployed services are paired by
     * name instead: one service name in clusters of one name (each apart from Region codes) in
     * one account.
     */
    private static Optional<String> serviceTwinKey(Resource service) {
        Optional<String> name = service.properties().textAt("ServiceName");
        Optional<String> cluster = service.properties().textAt("Cluster")
                .map(c -> c.substring(c.lastIndexOf('/') + 1));
        if (name.isEmpty() || cluster.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("service|" + service.observed().get().account() + "|"
                + DeployedOrigin.regionless(cluster.get()) + "|" + DeployedOrigin.regionless(name.get()));
    }

    /** An Auto Scaling group's capacity: DesiredCapacity where given, else MinSize. */
    private static Optional<Capacity> asg(Resource r) {
        for (String property : List.of("DesiredCapacity", "MinSize")) {
            Optional<Value> v = r.properties().get(property);
            if (v.isPresent()) {
                return number(v.get()).map(n -> new Capacity(r, n, v.get(), property));
            }
        }
        return Optional.empty();
    }

    /**
     * An ECS service's capacity: the larger of DesiredCount and the MinCapacity of the scalable
     * target of the same stack instance whose ResourceId names the service.
     */
    private static Optional<Capacity> ecs(List<Resource> stackTargets, Resource service) {
        Optional<Value> desired = service.properties().get("DesiredCount");
        Optional<Capacity> best = desired.isEmpty() ? Optional.empty()
                : number(desired.get()).map(n -> new Capacity(service, n, desired.get(), "DesiredCount"));
        if (desired.isPresent() && best.isEmpty()) {
            return Optional.empty();
        }
        for (Resource target : stackTargets) {
            if (!namesService(target, service)) {
                continue;
            }
            Optional<Value> min = target.properties().get("MinCapacity");
            Optional<BigDecimal> n = min.flatMap(StandbyCapacityAsymmetricRule::number);
            if (n.isEmpty()) {
                return Optional.empty();
            }
            if (best.isEmpty() || n.get().compareTo(best.get().amount()) >= 0) {
                best = Optional.of(new Capacity(service, n.get(), min.get(), "MinCapacity of " + target.logicalId()));
            }
        }
        return best;
    }

    private static boolean namesService(Resource target, Resource service) {
        Optional<String> id = target.properties().textAt("ResourceId");
        if (id.isEmpty() || !id.get().startsWith("service/")) {
            return false;
        }
        String text = id.get();
        Optional<String> name = service.properties().textAt("ServiceName").filter(n -> !Tokens.containsToken(n));
        return text.contains(Tokens.attribute(service.stack().id(), service.logicalId(), "Name"))
                || text.contains(Tokens.ref(service.stack().id(), service.logicalId()))
                || name.map(n -> text.endsWith("/" + n)).orElse(false);
    }

    private static Optional<BigDecimal> number(Value value) {
        return value.text().flatMap(t -> {
            try {
                return Optional.of(new BigDecimal(t.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
