package io.regionlint.lang;

import io.regionlint.model.Link;
import io.regionlint.model.Resource;
import io.regionlint.model.Truth;
import io.regionlint.model.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What an operand evaluates to. Absent and unknown are values of their own, never null. */
sealed interface Val {

    /** A place in the model a value was read from: a value of a resource, or the resource itself. */
    record Loc(Resource resource, Optional<Value> value) {
    }

    /** Known to be absent; {@code nearest} is the deepest value on the way that is there. */
    record Absent(Optional<Loc> nearest) implements Val {
    }

    /** Cannot be known from the inputs. */
    record Unknown(String reason, Optional<Loc> at) implements Val {
    }

    /** A value of the model, owned by a resource. */
    record Model(Value value, Resource owner) implements Val {
        Loc loc() {
            return new Loc(owner, Optional.of(value));
        }
    }

    record Res(Resource resource) implements Val {
    }

    record Lnk(Link link) implements Val {
    }

    record Txt(String text) implements Val {
    }

    record Num(BigDecimal number) implements Val {
    }

    record Bool(Truth truth, Optional<Loc> at) implements Val {
    }

    record Lst(List<Val> items) implements Val {
    }
}
