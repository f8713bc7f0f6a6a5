package io.regionlint.model;

import java.util.List;
import java.util.Optional;

/**
 * An {@code AWS::GlobalAccelerator::EndpointGroup}: the endpoints of one listener in one Region.
 *
 * @param region {@code EndpointGroupRegion}; empty when unknown
 * @param trafficDial {@code TrafficDialPercentage}, 100 when absent (the default); empty when unknown
 * @param endpoints one per entry of {@code EndpointConfigurations}, in template order
 * @param endpointsKnown false when the endpoint list could not be resolved
 */
public record GaEndpointGroup(Resource resource, Optional<String> region, Optional<Double> trafficDial,
                              List<Endpoint> endpoints, boolean endpointsKnown) {

    /** Global Accelerator's default endpoint weight: "By default, the weight for an endpoint is 128". */
    public static final long DEFAULT_WEIGHT = 128;

    public GaEndpointGroup {
        endpoints = List.copyOf(endpoints);
    }

    /** What an endpoint is, from its id or the loaded resource it names. */
    public enum EndpointKind {
        LOAD_BALANCER, EC2_INSTANCE, ELASTIC_IP, UNKNOWN
    }

    /**
     * One endpoint.
     *
     * @param spec the entry of {@code EndpointConfigurations}
     * @param weight {@code Weight}, defaulted to 128; empty when unknown
     * @param target the loaded resource {@code EndpointId} names
     */
    public record Endpoint(MapValue spec, Optional<Long> weight, EndpointKind kind, Optional<Resource> target,
                           Optional<String> region) {
    }

    /** The value of a property of the group, empty where absent. */
    public Optional<Value> get(String property) {
        return resource.properties().get(property);
    }
}
