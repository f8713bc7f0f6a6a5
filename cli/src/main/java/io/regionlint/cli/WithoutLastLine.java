package io.regionlint.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * Passes text through but holds back the most recent line and drops it at the end: how
 * {@code --quiet} leaves out the summary line that ends the text report. (Replace with a flag on
 * the report context once the report package offers one.)
 */
final class WithoutLastLine extends Writer {

    private final Writer out;
    private final StringBuilder pending = new StringBuilder();

    WithoutLastLine(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (pending.length() > 0 && pending.charAt(pending.length() - 1) == '\n') {
                // a new line starts, so the held one was not the last: release it
                out.write(pending.toString());
                pending.setLength(0);
            }
            pending.append(c);
        }
    }

    /** Flushes what was released; the held line stays held. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Drops the held line; does not close the underlying writer (it may be standard output). */
    @Override
    public void close() throws IOException {
        pending.setLength(0);
        out.flush();
    }
}
