package io.regionlint.model;

import java.util.Map;
import java.util.Optional;

/**
 * {@code Fn::ToJsonString}: a resolved value as compact JSON text, as CloudFormation writes it.
 * Empty where any part of the value is unknown or holds a deploy-time token.
 */
final class JsonText {

    private JsonText() {
    }

    static Optional<String> of(Value value) {
        StringBuilder out = new StringBuilder();
        return write(value, out) ? Optional.of(out.toString()) : Optional.empty();
    }

    private static boolean write(Value value, StringBuilder out) {
        if (value instanceof MapValue map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Value> e : map.entries().entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(e.getKey(), out);
                out.append(':');
                if (!write(e.getValue(), out)) {
                    return false;
                }
            }
            out.append('}');
            return true;
        }
        if (value instanceof ListValue list) {
            out.append('[');
            for (int i = 0; i < list.items().size(); i++) {
                out.append(i == 0 ? "" : ",");
                if (!write(list.items().get(i), out)) {
                    return false;
                }
            }
            out.append(']');
            return true;
        }
        if (value instanceof ScalarValue scalar) {
            Object v = scalar.value();
            if (v == null) {
                out.append("null");
            } else if (v instanceof String s) {
                if (Tokens.containsToken(s)) {
                    return false;
                }
                string(s, out);
            } else {
                out.append(v);
            }
            return true;
        }
        return false;
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
