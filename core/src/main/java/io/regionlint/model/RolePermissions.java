package io.regionlint.model;

import java.util.List;

/**
 * Everything a role is granted, as far as the loaded templates tell.
 *
 * @param statements statements of its inline policies and of policy resources attached to it
 * @param complete false when the role has a managed policy whose contents are not loaded, a
 *     policy document that could not be resolved, or a statement with an unknown action or
 *     resource: then an absent permission may still exist
 * @param documentsComplete true when every policy of the role is loaded and readable, whatever
 *     its statements' values: then only a statement's own unknown values can hide a permission
 */
public record RolePermissions(Resource role, List<PolicyStatement> statements, List<PolicyStatement> trust,
                              boolean complete, boolean documentsComplete) {

    public RolePermissions {
        statements = List.copyOf(statements);
        trust = List.copyOf(trust);
    }

    /**
     * True when every action the role may be granted is named in the loaded statements: all its
     * policies are readable and no statement's {@code Action} is unknown. Resources may still be
     * unknown (an ARN built from an unknown account id), so an action that no statement names is
     * missing on every resource, while one that is named may or may not cover a given ARN.
     */
    public boolean actionsComplete() {
        return documentsComplete && statements.stream().allMatch(PolicyStatement::actionsKnown);
    }

    /** True when some Allow statement grants the action on the ARN. */
    public boolean allows(String action, String arn) {
        return statements.stream().anyMatch(s -> s.allow() && s.known() && s.coversAction(action)
                && s.coversResource(arn));
    }
}
