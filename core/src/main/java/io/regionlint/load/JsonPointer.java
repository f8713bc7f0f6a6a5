package io.regionlint.load;

/**
 * An RFC 6901 pointer kept as a chain of tokens that share their parent, so the pointers of a
 * whole document cost one small object per node instead of one string per node (a large
 * template has hundreds of thousands of nodes; findings need the text of only a few).
 */
public final class JsonPointer {

    /** The document root, "". */
    public static final JsonPointer ROOT = new JsonPointer(null, "");
    private static final String[] INDEXES = new String[256];

    static {
        for (int i = 0; i < INDEXES.length; i++) {
            INDEXES[i] = Integer.toString(i);
        }
    }

    private final JsonPointer parent;
    /** The last reference token, escaped; for a literal pointer, the whole pointer. */
    private final String token;

    private JsonPointer(JsonPointer parent, String token) {
        this.parent = parent;
        this.token = token;
    }

    /** A pointer given as text (already escaped). */
    public static JsonPointer literal(String pointer) {
        return pointer.isEmpty() ? ROOT : new JsonPointer(null, pointer);
    }

    /** The pointer to a member of the map this pointer names. */
    public JsonPointer child(String key) {
        boolean plain = key.indexOf('~') < 0 && key.indexOf('/') < 0;
        return new JsonPointer(this, plain ? key : key.replace("~", "~0").replace("/", "~1"));
    }

    /** The pointer to an item of the list this pointer names. */
    public JsonPointer index(int i) {
        return new JsonPointer(this, i < INDEXES.length ? INDEXES[i] : Integer.toString(i));
    }

    @Override
    public String toString() {
        if (parent == null) {
            return token;
        }
        StringBuilder out = new StringBuilder();
        append(out);
        return out.toString();
    }

    private void append(StringBuilder out) {
        if (parent == null) {
            out.append(token);
            return;
        }
        parent.append(out);
        out.append('/').append(token);
    }
}
