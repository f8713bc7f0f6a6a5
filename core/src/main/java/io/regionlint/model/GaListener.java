package io.regionlint.model;

import java.util.List;
import java.util.Optional;

/**
 * A Global Accelerator listener and its endpoint groups, joined by {@code ListenerArn} across
 * stacks and Regions. Endpoint groups whose listener is not loaded (an ARN given as text or an
 * unknown value) form a listener of their own, keyed by that text.
 *
 * @param listener the loaded {@code AWS::GlobalAccelerator::Listener}
 * @param accelerator the loaded accelerator the listener belongs to
 * @param groups in topology order
 */
public record GaListener(Optional<Resource> listener, Optional<Resource> accelerator, List<GaEndpointGroup> groups) {

    public GaListener {
        groups = List.copyOf(groups);
    }

    /** "listener 'Listener' of accelerator 'Accelerator'": how messages name the listener. */
    public String describe() {
        String self = listener.map(l -> "listener '" + l.logicalId() + "'").orElseGet(() -> groups.stream().findFirst()
                .flatMap(g -> g.resource().properties().textAt("ListenerArn"))
                .map(arn -> "listener '" + Tokens.display(arn) + "' (not among the loaded templates)")
                .orElse("a listener that is not known"));
        return self + accelerator.map(a -> " of accelerator '" + a.properties().textAt("Name")
                .orElse(a.logicalId()) + "'").orElse("");
    }
}
