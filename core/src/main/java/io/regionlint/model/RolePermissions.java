package io.regionlint.model;

import java.util.List;

/**
 * Everything a role is granted, as far as the loaded templates tell.
 *
 * <p>{@code statements}: statements of its inline policies and of policy resources attached to
 * it. {@code complete}: false when the role has a managed policy whose contents are not loaded, a
 * policy document that could not be resolved, or a statement with an unknown action or
 * resource: then an absent permission may still exist. {@code documentsComplete}: true when every
 * policy of the role is loaded and readable, whatever its statements' values: then only a
 * statement's own unknown values can hide a permission.
 *
 * <p>Questions about one action on one ARN go through a {@link StatementIndex}, so their cost
 * follows the statements that could answer, not all of them.
 */
public final class RolePermissions {

    private final Resource role;
    private final List<PolicyStatement> statements;
    private final List<PolicyStatement> trust;
    private final boolean complete;
    private final boolean documentsComplete;
    private final StatementIndex allows;
    private final StatementIndex unconditionalDenies;

    public RolePermissions(Resource role, List<PolicyStatement> statements, List<PolicyStatement> trust,
                           boolean complete, boolean documentsComplete) {
        this.role = role;
        this.statements = List.copyOf(statements);
        this.trust = List.copyOf(trust);
        this.complete = complete;
        this.documentsComplete = documentsComplete;
        this.allows = new StatementIndex(this.statements, s -> s.allow() && s.known());
        this.unconditionalDenies = new StatementIndex(this.statements,
                s -> s.deny() && s.known() && !s.statement().has("Condition"));
    }

    public Resource role() {
        return role;
    }

    public List<PolicyStatement> statements() {
        return statements;
    }

    public List<PolicyStatement> trust() {
        return trust;
    }

    public boolean complete() {
        return complete;
    }

    public boolean documentsComplete() {
        return documentsComplete;
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
        return allows.covers(action, arn);
    }

    /** True when a Deny statement without a Condition refuses the action on the ARN. */
    public boolean deniesUnconditionally(String action, String arn) {
        return unconditionalDenies.covers(action, arn);
    }

    @Override
    public String toString() {
        return "RolePermissions[" + role.key() + ", " + statements.size() + " statements]";
    }
}
