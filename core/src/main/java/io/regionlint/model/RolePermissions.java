package io.regionlint.model;

import java.util.List;

/**
 * Everything a role is granted, as far as the loaded templates tell.
 *
 * @param statements statements of its inline policies and of policy resources attached to it
 * @param complete false when the role has a managed policy whose contents are not loaded, or a
 *     policy document that could not be resolved: then an absent permission may still exist
 */
public record RolePermissions(Resource role, List<PolicyStatement> statements, List<PolicyStatement> trust,
                              boolean complete) {

    public RolePermissions {
        statements = List.copyOf(statements);
        trust = List.copyOf(trust);
    }

    /** True when some Allow statement grants the action on the ARN. */
    public boolean allows(String action, String arn) {
        return statements.stream().anyMatch(s -> s.allow() && s.known() && s.coversAction(action)
                && s.coversResource(arn));
    }
}
