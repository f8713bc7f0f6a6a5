package io.regionlint.lang;

import io.regionlint.lang.Ast.Expr;
import io.regionlint.lang.Ast.Operand;
import io.regionlint.lang.Val.Loc;
import io.regionlint.model.Link;
import io.regionlint.model.ListValue;
import io.regionlint.model.MapValue;
import io.regionlint.model.RegionRole;
import io.regionlint.model.Resource;
import io.regionlint.model.ScalarValue;
import io.regionlint.model.Tokens;
import io.regionlint.model.Topology;
import io.regionlint.model.Truth;
import io.regionlint.model.UnknownValue;
import io.regionlint.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a rule over one topology, three-valued: a value the model could not resolve makes
 * the answer UNKNOWN, never TRUE or FALSE. {@link #counterexamples} splits a failing requirement
 * into its counterexamples, one per element a quantifier found wanting.
 */
final class Evaluator {

    /** The variables bound where an expression is evaluated; {@code last} is the innermost one. */
    record Env(Resource self, Binding bindings) {
        Env(Resource self) {
            this(self, null);
        }

        /** This environment with one more variable; the outer ones stay shared. */
        Env bind(String name, Val value) {
            return new Env(self, new Binding(name, value, bindings));
        }

        /** The value of a variable, if one of that name is bound (the innermost wins). */
        Optional<Val> lookup(String name) {
            for (Binding b = bindings; b != null; b = b.outer()) {
                if (b.name().equals(name)) {
                    return Optional.of(b.value());
                }
            }
            return Optional.empty();
        }

        /** The innermost variable's value. */
        Optional<Val> last() {
            return bindings == null ? Optional.empty() : Optional.of(bindings.value());
        }

        /** The bound variables, outermost first (for messages, finding keys and Regions). */
        Map<String, Val> vars() {
            List<Binding> innermostFirst = new ArrayList<>();
            for (Binding b = bindings; b != null; b = b.outer()) {
                innermostFirst.add(b);
            }
            Map<String, Val> out = new LinkedHashMap<>();
            for (int i = innermostFirst.size() - 1; i >= 0; i--) {
                out.put(innermostFirst.get(i).name(), innermostFirst.get(i).value());
            }
            return out;
        }
    }

    /** One bound variable and the bindings around it: environments share their outer part. */
    record Binding(String name, Val value, Binding outer) {
    }

    /** An answer and what decided it: the value read and, for UNKNOWN, why. */
    record Outcome(Truth truth, Optional<Loc> read, Optional<String> reason) {
        static Outcome of(Truth t) {
            return new Outcome(t, Optional.empty(), Optional.empty());
        }
    }

    /** One way the requirement fails (FALSE) or cannot be decided (UNKNOWN). */
    record Counter(Env env, Truth truth, Optional<Loc> read, Optional<String> reason) {
    }

    private final Topology topology;
    /** The resources of each type as quantifier elements: `every resource c of type T` per resource. */
    private final Map<String, List<Val>> ofType = new HashMap<>();
    /** The Region sets quantifiers and `in` ask for, by role and (for `other`) the resource's Region. */
    private final Map<String, Domain> regionSets = new HashMap<>();

    Evaluator(Topology topology) {
        this.topology = topology;
    }

    // ---- counterexamples ---------------------------------------------------------------------

    List<Counter> counterexamples(Expr expr, Env env) {
        List<Counter> out = new ArrayList<>();
        collect(expr, env, out);
        return out;
    }

    private void collect(Expr expr, Env env, List<Counter> out) {
        if (expr instanceof Ast.And and) {
            collect(and.left(), env, out);
            collect(and.right(), env, out);
            return;
        }
        if (expr instanceof Ast.Implies imp) {
            Outcome condition = eval(imp.condition(), env);
            if (condition.truth() == Truth.TRUE) {
                collect(imp.then(), env, out);
            } else if (condition.truth() == Truth.UNKNOWN) {
                Outcome then = eval(imp.then(), env);
                if (then.truth() != Truth.TRUE) {
                    out.add(new Counter(env, Truth.UNKNOWN, then.read().or(condition::read),
                            condition.reason().or(then::reason)));
                }
            }
            return;
        }
        if (expr instanceof Ast.Quant q && q.quantifier() != Ast.Quantifier.SOME) {
            Domain domain = domain(q, env);
            for (Val element : domain.elements()) {
                Env inner = env.bind(q.var(), element);
                Outcome filter = q.filter().map(f -> eval(f, inner)).orElse(Outcome.of(Truth.TRUE));
                if (filter.truth() == Truth.FALSE) {
                    continue;
                }
                Outcome body = eval(q.body(), inner);
                if (q.quantifier() == Ast.Quantifier.EVERY) {
                    if (body.truth() == Truth.FALSE && filter.truth() == Truth.TRUE) {
                        collect(q.body(), inner, out);
                    } else if (body.truth() != Truth.TRUE) {
                        out.add(new Counter(inner, Truth.UNKNOWN, body.read(), body.reason().or(filter::reason)));
                    }
                } else {
                    Truth found = filter.truth().and(body.truth());
                    if (found != Truth.FALSE) {
                        out.add(new Counter(inner, found == Truth.TRUE ? Truth.FALSE : Truth.UNKNOWN, body.read(),
                                body.reason().or(filter::reason)));
                    }
                }
            }
            domain.unknown().ifPresent(reason -> out.add(new Counter(env, Truth.UNKNOWN, Optional.empty(),
                    Optional.of(reason))));
            return;
        }
        Outcome outcome = eval(expr, env);
        if (outcome.truth() != Truth.TRUE) {
            out.add(new Counter(env, outcome.truth(), outcome.read(), outcome.reason()));
        }
    }

    // ---- truth ---------------------------------------------------------------------------------

    Outcome eval(Expr expr, Env env) {
        if (expr instanceof Ast.Not not) {
            Outcome inner = eval(not.inner(), env);
            return new Outcome(inner.truth().not(), inner.read(), inner.reason());
        } else if (expr instanceof Ast.And and) {
            Outcome left = eval(and.left(), env);
            if (left.truth() == Truth.FALSE) {
                return left;
            }
            Outcome right = eval(and.right(), env);
            return right.truth() == Truth.FALSE || left.truth() == Truth.TRUE ? right : left;
        } else if (expr instanceof Ast.Or or) {
            Outcome left = eval(or.left(), env);
            if (left.truth() == Truth.TRUE) {
                return left;
            }
            Outcome right = eval(or.right(), env);
            return right.truth() == Truth.TRUE || left.truth() == Truth.FALSE ? right : left;
        } else if (expr instanceof Ast.Implies imp) {
            Outcome condition = eval(imp.condition(), env);
            if (condition.truth() == Truth.FALSE) {
                return new Outcome(Truth.TRUE, condition.read(), Optional.empty());
            }
            Outcome then = eval(imp.then(), env);
            return condition.truth() == Truth.TRUE || then.truth() == Truth.TRUE ? then
                    : new Outcome(Truth.UNKNOWN, then.read(), condition.reason());
        } else if (expr instanceof Ast.Compare c) {
            Val left = value(c.left(), env);
            Val right = value(c.right(), env);
            return new Outcome(compare(left, c.op(), right), read(left).or(() -> read(right)), reason(left, right));
        } else if (expr instanceof Ast.In in) {
            Val element = value(in.element(), env);
            Val collection = value(in.collection(), env);
            Truth t = member(element, collection);
            return new Outcome(in.negated() ? t.not() : t, read(element).or(() -> read(collection)),
                    reason(element, collection));
        } else if (expr instanceof Ast.Exists e) {
            Val v = value(e.operand(), env);
            Truth t = v instanceof Val.Absent ? Truth.FALSE : v instanceof Val.Unknown ? Truth.UNKNOWN : Truth.TRUE;
            return new Outcome(t, read(v), reason(v, v));
        } else if (expr instanceof Ast.Quant q) {
            return quantify(q, env);
        }
        Val v = value(((Ast.Truthy) expr).operand(), env);
        return new Outcome(truthy(v), read(v), reason(v, v));
    }

    private Outcome quantify(Ast.Quant q, Env env) {
        Domain domain = domain(q, env);
        boolean every = q.quantifier() == Ast.Quantifier.EVERY;
        Truth result = every ? Truth.TRUE : Truth.FALSE;
        Optional<Loc> read = Optional.empty();
        Optional<String> reason = domain.unknown();
        for (Val element : domain.elements()) {
            Env inner = env.bind(q.var(), element);
            Outcome filter = q.filter().map(f -> eval(f, inner)).orElse(Outcome.of(Truth.TRUE));
            if (filter.truth() == Truth.FALSE) {
                continue;
            }
            Outcome body = eval(q.body(), inner);
            Truth t = every ? filter.truth().not().or(body.truth()) : filter.truth().and(body.truth());
            if (every && t == Truth.FALSE || !every && t == Truth.TRUE) {
                result = t;
                read = body.read();
                reason = Optional.empty();
                break;
            }
            if (t == Truth.UNKNOWN) {
                result = Truth.UNKNOWN;
                reason = reason.or(body::reason).or(filter::reason);
            }
        }
        if (domain.unknown().isPresent() && (every ? result == Truth.TRUE : result == Truth.FALSE)) {
            result = Truth.UNKNOWN;
        }
        Truth answer = q.quantifier() == Ast.Quantifier.NO ? result.not() : result;
        return new Outcome(answer, read, answer == Truth.UNKNOWN ? reason : Optional.empty());
    }

    /** The elements a quantifier ranges over, and why there may be more than those. */
    record Domain(List<Val> elements, Optional<String> unknown) {
    }

    private Domain domain(Ast.Quant q, Env env) {
        if (q.domain() instanceof Ast.RegionDomain d) {
            return regions(d.other(), d.role(), env);
        }
        if (q.domain() instanceof Ast.ResourceDomain) {
            String type = ((Ast.TypeSource) q.source().orElseThrow()).type();
            return new Domain(ofType.computeIfAbsent(type, t -> topology.resources(t).stream().<Val>map(Val.Res::new)
                    .toList()), Optional.empty());
        }
        if (q.domain() instanceof Ast.LinkDomain d) {
            Val from = q.source().filter(Ast.OfSource.class::isInstance)
                    .map(s -> value(((Ast.OfSource) s).from(), env)).orElse(new Val.Res(env.self()));
            if (from instanceof Val.Lnk l) {
                from = l.link().to().<Val>map(Val.Res::new).orElse(new Val.Absent(Optional.empty()));
            }
            if (from instanceof Val.Res r) {
                return new Domain(topology.links(r.resource(), d.kind()).stream().<Val>map(Val.Lnk::new).toList(),
                        Optional.empty());
            }
            return new Domain(List.of(), from instanceof Val.Unknown u ? Optional.of(u.reason()) : Optional.empty());
        }
        Val list = q.source().filter(Ast.InSource.class::isInstance)
                .map(s -> value(((Ast.InSource) s).list(), env)).orElse(new Val.Lst(List.of()));
        return items(list);
    }

    private Domain items(Val list) {
        if (list instanceof Val.Lst l) {
            return new Domain(l.items(), Optional.empty());
        }
        if (list instanceof Val.Model m && m.value() instanceof ListValue items) {
            return new Domain(items.items().stream().<Val>map(v -> model(v, m.owner())).toList(), Optional.empty());
        }
        if (list instanceof Val.Unknown u) {
            return new Domain(List.of(), Optional.of(u.reason()));
        }
        return new Domain(List.of(), Optional.empty());
    }

    private Domain regions(boolean other, Optional<RegionRole> role, Env env) {
        Optional<String> own = env.self().region();
        if (other && own.isEmpty()) {
            return new Domain(List.of(), Optional.of("the Region of " + env.self().describe() + " is not known"));
        }
        // `region in active regions` is asked of every selected resource: one list per question
        String key = role.map(Enum::name).orElse("*") + (other ? "|" + own.get() : "");
        return regionSets.computeIfAbsent(key, k -> new Domain(topology.regionRoles().entrySet().stream()
                .filter(e -> role.map(r -> r == e.getValue()).orElse(true))
                .filter(e -> !(other && own.get().equals(e.getKey())))
                .map(Map.Entry::getKey).sorted().<Val>map(Val.Txt::new).toList(), Optional.empty()));
    }

    // ---- values --------------------------------------------------------------------------------

    Val value(Operand operand, Env env) {
        if (operand instanceof Ast.Str s) {
            return new Val.Txt(s.value());
        } else if (operand instanceof Ast.Num n) {
            return new Val.Num(n.value());
        } else if (operand instanceof Ast.Bool b) {
            return new Val.Bool(Truth.of(b.value()), Optional.empty());
        } else if (operand instanceof Ast.ListOf l) {
            return new Val.Lst(l.items().stream().map(i -> value(i, env)).toList());
        } else if (operand instanceof Ast.RegionSet r) {
            Domain d = regions(r.other(), r.role(), env);
            return d.unknown().<Val>map(u -> new Val.Unknown(u, Optional.empty())).orElse(new Val.Lst(d.elements()));
        } else if (operand instanceof Ast.Call c) {
            return call(c, env);
        }
        Ast.Path path = (Ast.Path) operand;
        Val current;
        List<String> rest;
        Optional<Val> bound = env.lookup(path.head());
        if (bound.isPresent()) {
            current = bound.get();
            rest = path.segments();
        } else if (path.head().equals("other")) {
            current = env.last().orElse(new Val.Res(env.self()));
            rest = path.segments();
        } else {
            current = new Val.Res(env.self());
            rest = new ArrayList<>();
            if (!path.head().equals("this") && !path.head().equals("resource")) {
                rest.add(path.head());
            }
            rest.addAll(path.segments());
        }
        for (String segment : rest) {
            current = step(current, segment);
        }
        return current;
    }

    private Val step(Val current, String segment) {
        if (current instanceof Val.Res r) {
            return attribute(r.resource(), segment);
        } else if (current instanceof Val.Lnk l) {
            return linkAttribute(l.link(), segment);
        } else if (current instanceof Val.Model m) {
            Value v = m.value();
            if (v instanceof UnknownValue u) {
                return new Val.Unknown(u.reason(), Optional.of(m.loc()));
            }
            if (v instanceof MapValue map) {
                return map.get(segment).<Val>map(child -> model(child, m.owner()))
                        .orElse(new Val.Absent(Optional.of(m.loc())));
            }
            if (v instanceof ListValue list && segment.matches("\\d+")) {
                int index = Integer.parseInt(segment);
                return index < list.items().size() ? model(list.items().get(index), m.owner())
                        : new Val.Absent(Optional.of(m.loc()));
            }
            return new Val.Absent(Optional.of(m.loc()));
        } else if (current instanceof Val.Txt t && segment.equals("role")) {
            return roleOf(Optional.of(t.text()));
        } else if (current instanceof Val.Absent || current instanceof Val.Unknown) {
            return current;
        }
        return new Val.Absent(Optional.empty());
    }

    private Val attribute(Resource r, String name) {
        return switch (name) {
            case "Properties" -> new Val.Model(r.properties(), r);
            case "type" -> new Val.Txt(r.type());
            case "region" -> r.region().<Val>map(Val.Txt::new)
                    .orElse(new Val.Unknown("the Region of " + r.describe() + " is not known", Optional.empty()));
            case "stack" -> new Val.Txt(r.stack().name());
            case "logicalId" -> new Val.Txt(r.logicalId());
            case "name" -> new Val.Txt(r.displayName());
            case "account" -> r.stack().account().<Val>map(Val.Txt::new).orElse(new Val.Absent(Optional.empty()));
            case "role" -> roleOf(r.region());
            case "tags" -> tags(r);
            case "this", "resource" -> new Val.Res(r);
            default -> step(new Val.Model(r.properties(), r), name);
        };
    }

    private Val linkAttribute(Link link, String name) {
        return switch (name) {
            case "region" -> link.region().<Val>map(Val.Txt::new)
                    .orElse(new Val.Unknown("the Region of the " + link.kind().word() + " is not known",
                            Optional.of(new Loc(link.from(), Optional.of(link.at())))));
            case "kind" -> new Val.Txt(link.kind().word());
            case "enabled", "status" -> new Val.Bool(link.status(), Optional.of(new Loc(link.from(),
                    Optional.of(link.at()))));
            case "loaded" -> new Val.Bool(Truth.of(link.to().isPresent()), Optional.empty());
            case "to" -> link.to().<Val>map(Val.Res::new).orElse(new Val.Absent(Optional.empty()));
            case "from" -> new Val.Res(link.from());
            case "detail" -> new Val.Model(link.detail(), link.from());
            case "role" -> roleOf(link.region());
            case "Properties" -> link.to().<Val>map(t -> new Val.Model(t.properties(), t))
                    .orElse(new Val.Model(link.detail(), link.from()));
            default -> {
                if (link.facts().containsKey(name)) {
                    yield new Val.Txt(link.facts().get(name));
                }
                yield link.to().map(t -> attribute(t, name))
                        .orElseGet(() -> step(new Val.Model(link.detail(), link.from()), name));
            }
        };
    }

    private Val roleOf(Optional<String> region) {
        return region.flatMap(topology::regionRole).<Val>map(r -> new Val.Txt(r.name().toLowerCase(Locale.ROOT)))
                .orElse(new Val.Absent(Optional.empty()));
    }

    /** The tags of a resource as a map, from CloudFormation's list of Key and Value (or a map of them). */
    private Val tags(Resource r) {
        Optional<Value> tags = r.properties().get("Tags");
        if (tags.isEmpty()) {
            return new Val.Absent(Optional.of(new Loc(r, Optional.empty())));
        }
        if (tags.get() instanceof ListValue list) {
            Map<String, Value> byKey = new LinkedHashMap<>();
            for (Value item : list.items()) {
                Optional<String> key = item.textAt("Key");
                Optional<Value> value = item.at("Value");
                if (key.isEmpty() || value.isEmpty()) {
                    return new Val.Unknown("a tag of " + r.describe() + " has a key or value that is not known",
                            Optional.of(new Loc(r, Optional.of(item))));
                }
                byKey.put(key.get(), value.get());
            }
            return new Val.Model(new MapValue(byKey, list), r);
        }
        return model(tags.get(), r);
    }

    private Val call(Ast.Call c, Env env) {
        List<Val> args = c.args().stream().map(a -> value(a, env)).toList();
        Val arg = args.get(0);
        switch (c.name()) {
            case "count": {
                if (arg instanceof Val.Unknown || arg instanceof Val.Absent) {
                    return arg instanceof Val.Absent ? new Val.Num(BigDecimal.ZERO) : arg;
                }
                Domain d = items(arg);
                return d.unknown().<Val>map(u -> new Val.Unknown(u, Optional.empty()))
                        .orElse(new Val.Num(BigDecimal.valueOf(d.elements().size())));
            }
            case "links": {
                Optional<Link.Kind> kind = text(arg).flatMap(AstBuilder::linkKind);
                return new Val.Lst(kind.map(k -> topology.links(env.self(), k).stream().<Val>map(Val.Lnk::new)
                        .toList()).orElse(List.of()));
            }
            case "tag":
                return text(arg).map(k -> step(tags(env.self()), k)).orElse(new Val.Absent(Optional.empty()));
            case "lower":
                return arg instanceof Val.Unknown || arg instanceof Val.Absent ? arg
                        : text(arg).<Val>map(t -> new Val.Txt(t.toLowerCase(Locale.ROOT))).orElse(arg);
            case "regionOf":
                return arg instanceof Val.Unknown || arg instanceof Val.Absent ? arg
                        : text(arg).filter(t -> t.startsWith("arn:") && t.split(":", -1).length > 4)
                        .<Val>map(t -> new Val.Txt(t.split(":", -1)[3])).orElse(new Val.Absent(Optional.empty()));
            default: // size
                if (arg instanceof Val.Unknown || arg instanceof Val.Absent) {
                    return arg;
                }
                return text(arg).flatMap(Evaluator::instanceSize).<Val>map(Val.Num::new)
                        .orElse(new Val.Unknown("'" + text(arg).orElse("?") + "' is not an instance class with a"
                                + " size", read(arg)));
        }
    }

    /** The relative size of an instance class: large is 1, xlarge 2, 8xlarge 16, medium 0.5. */
    static Optional<BigDecimal> instanceSize(String instanceClass) {
        String size = instanceClass.substring(instanceClass.lastIndexOf('.') + 1);
        BigDecimal large = BigDecimal.ONE;
        BigDecimal half = new BigDecimal("0.5");
        return switch (size) {
            case "nano" -> Optional.of(new BigDecimal("0.0625"));
            case "micro" -> Optional.of(new BigDecimal("0.125"));
            case "small" -> Optional.of(new BigDecimal("0.25"));
            case "medium" -> Optional.of(half);
            case "large" -> Optional.of(large);
            case "xlarge" -> Optional.of(BigDecimal.valueOf(2));
            default -> size.matches("\\d+xlarge")
                    ? Optional.of(BigDecimal.valueOf(2L * Long.parseLong(size.substring(0, size.length() - 6))))
                    : Optional.empty();
        };
    }

    private static Val model(Value v, Resource owner) {
        if (v instanceof UnknownValue u) {
            return new Val.Unknown(u.reason(), Optional.of(new Loc(owner, Optional.of(v))));
        }
        return new Val.Model(v, owner);
    }

    // ---- comparisons ---------------------------------------------------------------------------

    static Truth compare(Val a, String op, Val b) {
        if (a instanceof Val.Unknown || b instanceof Val.Unknown) {
            return Truth.UNKNOWN;
        }
        if (a instanceof Val.Bool x && x.truth() == Truth.UNKNOWN || b instanceof Val.Bool y
                && y.truth() == Truth.UNKNOWN) {
            return Truth.UNKNOWN;
        }
        boolean eq = op.equals("==");
        boolean ne = op.equals("!=");
        if (a instanceof Val.Absent || b instanceof Val.Absent) {
            boolean both = a instanceof Val.Absent && b instanceof Val.Absent;
            return eq ? Truth.of(both) : ne ? Truth.of(!both) : Truth.FALSE;
        }
        if (a instanceof Val.Res || b instanceof Val.Res || a instanceof Val.Lnk || b instanceof Val.Lnk) {
            // a link compared with a resource stands for its far end: `some instance i of c: i == this`
            boolean mixed = a instanceof Val.Res != b instanceof Val.Res;
            boolean same = identity(mixed ? farEnd(a) : a).equals(identity(mixed ? farEnd(b) : b));
            return eq ? Truth.of(same) : ne ? Truth.of(!same) : Truth.FALSE;
        }
        Optional<String> ta = text(a);
        Optional<String> tb = text(b);
        if (ta.isEmpty() || tb.isEmpty()) {
            boolean same = a.equals(b);
            return eq ? Truth.of(same) : ne ? Truth.of(!same) : Truth.FALSE;
        }
        int order;
        Optional<BigDecimal> na = number(ta.get());
        Optional<BigDecimal> nb = number(tb.get());
        if (na.isPresent() && nb.isPresent()) {
            order = na.get().compareTo(nb.get());
        } else if (isBoolean(ta.get()) && isBoolean(tb.get())) {
            order = ta.get().toLowerCase(Locale.ROOT).compareTo(tb.get().toLowerCase(Locale.ROOT));
        } else {
            order = ta.get().compareTo(tb.get());
        }
        return Truth.of(switch (op) {
            case "==" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        });
    }

    private static Val farEnd(Val v) {
        return v instanceof Val.Lnk l ? l.link().to().<Val>map(Val.Res::new).orElse(v) : v;
    }

    /** A resource compared by who it is (stack and logical id), without building its text key. */
    private record Identity(Resource resource) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && (other.resource == resource
                    || other.resource.logicalId().equals(resource.logicalId())
                    && other.resource.stack().id().equals(resource.stack().id()));
        }

        @Override
        public int hashCode() {
            return resource.logicalId().hashCode();
        }
    }

    private static Object identity(Val v) {
        if (v instanceof Val.Res r) {
            return new Identity(r.resource());
        }
        if (v instanceof Val.Lnk l) {
            return l.link();
        }
        return v;
    }

    static Truth member(Val element, Val collection) {
        if (collection instanceof Val.Unknown || element instanceof Val.Unknown) {
            return Truth.UNKNOWN;
        }
        List<Val> items;
        if (collection instanceof Val.Lst l) {
            items = l.items();
        } else if (collection instanceof Val.Model m && m.value() instanceof ListValue list) {
            items = list.items().stream().map(v -> model(v, m.owner())).toList();
        } else {
            return Truth.FALSE;
        }
        Truth result = Truth.FALSE;
        for (Val item : items) {
            result = result.or(compare(element, "==", item));
        }
        return result;
    }

    static Truth truthy(Val v) {
        if (v instanceof Val.Bool b) {
            return b.truth();
        }
        if (v instanceof Val.Unknown) {
            return Truth.UNKNOWN;
        }
        if (v instanceof Val.Absent) {
            return Truth.FALSE;
        }
        if (v instanceof Val.Res || v instanceof Val.Lnk) {
            return Truth.TRUE;
        }
        return Truth.of(text(v).map(t -> t.equalsIgnoreCase("true")).orElse(false));
    }

    /** The text of a scalar value; empty for maps, lists, resources, links, absent and unknown values. */
    static Optional<String> text(Val v) {
        if (v instanceof Val.Txt t) {
            return Optional.of(t.text());
        } else if (v instanceof Val.Num n) {
            return Optional.of(n.number().toPlainString());
        } else if (v instanceof Val.Bool b && b.truth() != Truth.UNKNOWN) {
            return Optional.of(Boolean.toString(b.truth() == Truth.TRUE));
        } else if (v instanceof Val.Model m && m.value() instanceof ScalarValue s) {
            return s.text();
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> number(String text) {
        String t = text.trim();
        // most compared text is no number (Region codes, names): no exception for those
        if (t.isEmpty() || !(Character.isDigit(t.charAt(0)) || "+-.".indexOf(t.charAt(0)) >= 0)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isBoolean(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }

    static Optional<Loc> read(Val v) {
        if (v instanceof Val.Model m) {
            return Optional.of(m.loc());
        } else if (v instanceof Val.Absent a) {
            return a.nearest();
        } else if (v instanceof Val.Unknown u) {
            return u.at();
        } else if (v instanceof Val.Bool b) {
            return b.at();
        }
        return Optional.empty();
    }

    private static Optional<String> reason(Val a, Val b) {
        if (a instanceof Val.Unknown u) {
            return Optional.of(u.reason());
        }
        if (b instanceof Val.Unknown u) {
            return Optional.of(u.reason());
        }
        if (a instanceof Val.Bool x && x.truth() == Truth.UNKNOWN || b instanceof Val.Bool y
                && y.truth() == Truth.UNKNOWN) {
            return Optional.of("a status is not known");
        }
        return Optional.empty();
    }

    /** How a message shows a value. */
    static String display(Val v) {
        if (v instanceof Val.Res r) {
            return r.resource().describe();
        } else if (v instanceof Val.Lnk l) {
            return l.link().to().map(Resource::describe).or(() -> l.link().region())
                    .orElse(l.link().kind().word());
        } else if (v instanceof Val.Absent) {
            return "(not set)";
        } else if (v instanceof Val.Unknown) {
            return "(not known)";
        } else if (v instanceof Val.Lst l) {
            return String.join(", ", l.items().stream().map(Evaluator::display).toList());
        } else if (v instanceof Val.Model m && !(m.value() instanceof ScalarValue)) {
            return m.value() instanceof ListValue ? "(a list)" : "(a map)";
        }
        return text(v).map(Tokens::display).orElse("");
    }
}
