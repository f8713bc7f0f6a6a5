package io.regionlint.model;

import io.regionlint.load.Document;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A template deployed to one Region in one account with one set of parameter values.
 *
 * @param group the stack it is an instance of; instances of one group in several Regions are twins
 * @param unknownParameters parameters with neither a given value nor a default, in template order
 */
public record StackInstance(String name, String group, Document template, Optional<String> region, Optional<String> account,
                            Map<String, String> parameters, List<String> unknownParameters) {

    public StackInstance {
        parameters = Map.copyOf(parameters);
        unknownParameters = List.copyOf(unknownParameters);
    }

    public String file() {
        return template.displayPath();
    }

    /** The Region for messages: the Region code, or "unknown Region". */
    public String regionLabel() {
        return region.orElse("unknown Region");
    }
}
