package io.regionlint.lang;

import io.regionlint.engine.Severity;
import io.regionlint.model.Link;
import io.regionlint.model.RegionRole;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The rule language's own immutable syntax tree: what {@link AstBuilder} makes of ANTLR's parse tree. */
final class Ast {

    private Ast() {
    }

    /** Where a construct starts in its rule file (line from 1, column from 1). */
    record Pos(int line, int column) {
    }

    /** One rule as written. */
    record RuleDecl(Pos pos, String id, Severity severity, String summary, String message, String category,
                    Optional<String> help, Optional<String> description, List<String> types, Optional<Expr> where,
                    Expr require, Optional<Operand> at) {
    }

    sealed interface Expr permits Not, And, Or, Implies, Compare, In, Exists, Quant, Truthy {
        Pos pos();
    }

    record Not(Pos pos, Expr inner) implements Expr {
    }

    record And(Pos pos, Expr left, Expr right) implements Expr {
    }

    record Or(Pos pos, Expr left, Expr right) implements Expr {
    }

    record Implies(Pos pos, Expr condition, Expr then) implements Expr {
    }

    record Compare(Pos pos, Operand left, String op, Operand right) implements Expr {
    }

    record In(Pos pos, Operand element, Operand collection, boolean negated) implements Expr {
    }

    record Exists(Pos pos, Operand operand) implements Expr {
    }

    enum Quantifier { EVERY, SOME, NO }

    record Quant(Pos pos, Quantifier quantifier, Domain domain, String var, Optional<Source> source,
                 Optional<Expr> filter, Expr body) implements Expr {
    }

    record Truthy(Pos pos, Operand operand) implements Expr {
    }

    sealed interface Domain permits RegionDomain, LinkDomain, ResourceDomain, ItemDomain {
    }

    /** Regions of the topology, of one role where given, the selected resource's own left out with {@code other}. */
    record RegionDomain(boolean other, Optional<RegionRole> role) implements Domain {
    }

    record LinkDomain(Link.Kind kind) implements Domain {
    }

    /** Resources of a type ({@code every resource b of type "AWS::S3::Bucket"}). */
    record ResourceDomain() implements Domain {
    }

    /** The items of a list ({@code every item x in Properties.Replicas}). */
    record ItemDomain() implements Domain {
    }

    sealed interface Source permits TypeSource, OfSource, InSource {
    }

    record TypeSource(String type) implements Source {
    }

    record OfSource(Operand from) implements Source {
    }

    record InSource(Operand list) implements Source {
    }

    sealed interface Operand permits Str, Num, Bool, ListOf, RegionSet, Call, Path {
        Pos pos();
    }

    record Str(Pos pos, String value) implements Operand {
    }

    record Num(Pos pos, BigDecimal value) implements Operand {
    }

    record Bool(Pos pos, boolean value) implements Operand {
    }

    record ListOf(Pos pos, List<Operand> items) implements Operand {
    }

    record RegionSet(Pos pos, boolean other, Optional<RegionRole> role) implements Operand {
    }

    record Call(Pos pos, String name, List<Operand> args) implements Operand {
    }

    /** A name and the keys after it: {@code r.Properties.SSESpecification.SSEEnabled}. */
    record Path(Pos pos, String head, List<String> segments) implements Operand {
    }
}
