package io.regionlint.load;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map of string keys in insertion order, held as two arrays: the node and value
 * trees hold millions of small maps (two or three keys each) that live until the report is
 * written, and a {@code LinkedHashMap} behind an unmodifiable view costs four objects and a
 * 16-slot table for each. Lookups scan up to {@value #INDEXED} keys; larger maps (a template's
 * {@code Resources}) also keep a hash index. Read-only: every mutator throws.
 *
 * @param <V> the value type
 */
public final class CompactMap<V> extends AbstractMap<String, V> {

    /** Maps larger than this get a hash index. */
    static final int INDEXED = 8;

    private final String[] keys;
    private final Object[] values;
    private final Map<String, Integer> index;

    private CompactMap(String[] keys, Object[] values, Map<String, Integer> index) {
        this.keys = keys;
        this.values = values;
        this.index = index;
    }

    private CompactMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
        if (keys.length > INDEXED) {
            Map<String, Integer> byKey = new HashMap<>(keys.length * 2);
            for (int i = 0; i < keys.length; i++) {
                byKey.putIfAbsent(keys[i], i);
            }
            this.index = byKey;
        } else {
            this.index = null;
        }
    }

    /** An immutable copy in the same order ({@code Map.of()} when empty); a compact map as it is. */
    @SuppressWarnings("unchecked")
    public static <V> Map<String, V> copyOf(Map<String, ? extends V> map) {
        if (map instanceof CompactMap<?>) {
            return (Map<String, V>) map;
        }
        if (map.isEmpty()) {
            return Map.of();
        }
        String[] keys = new String[map.size()];
        Object[] values = new Object[map.size()];
        int i = 0;
        for (Map.Entry<String, ? extends V> e : map.entrySet()) {
            keys[i] = e.getKey();
            values[i] = e.getValue();
            i++;
        }
        return new CompactMap<>(keys, values);
    }

    /**
     * A map with the keys of {@code keysOf}, in its order, and {@code values} in the same order:
     * a resolved mapping has its template mapping's keys, so it shares their array and index
     * instead of copying them (one per Region; there are millions of small mappings). The array
     * is taken over: the caller must not change it afterwards.
     */
    public static <V> Map<String, V> withKeysOf(Map<String, ?> keysOf, V[] values) {
        if (values.length != keysOf.size()) {
            throw new IllegalArgumentException(values.length + " values for " + keysOf.size() + " keys");
        }
        if (keysOf instanceof CompactMap<?> compact) {
            return new CompactMap<>(compact.keys, values, compact.index);
        }
        Map<String, V> copy = new java.util.LinkedHashMap<>();
        int i = 0;
        for (String key : keysOf.keySet()) {
            copy.put(key, values[i++]);
        }
        return copyOf(copy);
    }

    private int find(Object key) {
        if (index != null) {
            Integer at = index.get(key);
            return at == null ? -1 : at;
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int at = find(key);
        return at < 0 ? null : (V) values[at];
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], (V) values[i]);
        }
    }

    /** The values in order; a view made per call, so no map keeps one (AbstractMap caches its own). */
    @Override
    @SuppressWarnings("unchecked")
    public java.util.Collection<V> values() {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList((V[]) values));
    }

    /** The keys in order; like {@link #values()}, a view made per call. */
    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return java.util.Collections.unmodifiableList(java.util.Arrays.asList(keys)).iterator();
            }

            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public boolean contains(Object key) {
                return find(key) >= 0;
            }
        };
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<String, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys[i], (V) values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
