package org.kehou.organization;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows of one table in PostgreSQL's text {@code COPY} format (tab-separated, {@code \N} for null), built in memory
 * and sent with one {@code COPY ... FROM STDIN}: the fastest way to load many rows through JDBC.
 */
final class CopyRows {

    private final String table;
    private final StringBuilder text;
    private boolean rowStarted;
    private int rows;

    /**
     * @param table the table and its column list, as in {@code organization.guardian (id, name)}
     */
    CopyRows(String table) {
        this(table, 1 << 16);
    }

    CopyRows(String table, int capacity) {
        this.table = table;
        this.text = new StringBuilder(capacity);
    }

    /** Appends the next field of the current row; null is written as SQL NULL. */
    CopyRows add(@Nullable Object value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else {
            escape(value.toString(), text);
        }
        return this;
    }

    /** Ends the current row. */
    CopyRows end() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    /** Appends a row encoded elsewhere (by {@link #line}), as when rows are encoded in parallel. */
    CopyRows addLine(String line) {
        text.append(line);
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    /** One row as a line of text {@code COPY}, for rows encoded outside a {@code CopyRows}. */
    static String line(@Nullable Object... values) {
        CopyRows row = new CopyRows("", 256);
        for (Object value : values) {
            row.add(value);
        }
        return row.end().text.toString();
    }

    /** Sends the rows on the connection (in its current transaction) and returns how many there were. */
    long copyTo(Connection connection) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn in = copy.copyIn("copy " + table + " from stdin");
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
