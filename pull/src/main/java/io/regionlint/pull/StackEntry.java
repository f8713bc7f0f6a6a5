package io.regionlint.pull;

import java.util.Comparator;
import java.util.Map;

/**
 * One CloudFormation stack in the manifest.
 *
 * @param resources the bundle-relative path of its {@code resources.json}; null when
 *     ListStackResources failed
 * @param template the bundle-relative path of its template ({@code template.json} or {@code
 *     template.yaml}); null when GetTemplate failed
 * @param parameters the deployed parameter values by key (NoEcho values are as CloudFormation
 *     returns them: {@code ****})
 */
public record StackEntry(String account, String region, String stackName, String stackId, String status,
                         String resources, String template, Map<String, String> parameters) {

    static final Comparator<StackEntry> ORDER = Comparator.comparing(StackEntry::account)
            .thenComparing(StackEntry::region).thenComparing(StackEntry::stackName);

    public StackEntry {
        parameters = Map.copyOf(parameters);
    }
}
