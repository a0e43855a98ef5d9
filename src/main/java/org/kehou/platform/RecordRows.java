package org.kehou.platform;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;

/**
 * Row mappers for records, one per record type, that find each component's column ({@code countyId} in
 * {@code county_id}) among the names the result reports, trying the component's own position first.
 * {@code JdbcClient.query(Class)} and Spring's {@code DataClassRowMapper} instead ask the result for each
 * component's column by a name it may not have, and PostgreSQL's driver answers such a name by building an
 * exception: several per row, on paths that run per request (OPS-1: a county's afternoon roll call,
 * docs/benchmarks.md). Use it where a query runs that often; elsewhere {@code query(Class)} reads as well.
 */
public final class RecordRows {

    private static final ConcurrentHashMap<Class<?>, RowMapper<?>> MAPPERS = new ConcurrentHashMap<>();

    private RecordRows() {}

    @SuppressWarnings("unchecked")
    public static <T extends Record> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.computeIfAbsent(type, RecordRows::mapper);
    }

    private static <T> RowMapper<T> mapper(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        String[] columns = new String[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            columns[i] = snakeCase(components[i].getName());
            types[i] = components[i].getType();
            if (types[i].isPrimitive()
                    && types[i] != int.class
                    && types[i] != long.class
                    && types[i] != boolean.class
                    && types[i] != double.class) {
                throw new IllegalArgumentException(
                        "no mapping for " + types[i] + " " + components[i].getName() + " of " + type.getSimpleName());
            }
        }
        Constructor<T> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("not a record: " + type, e);
        }
        return (rs, rowNum) -> {
            ResultSetMetaData meta = rs.getMetaData();
            Object[] args = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                args[i] = value(rs, index(meta, columns[i], i + 1, type), types[i]);
            }
            try {
                return constructor.newInstance(args);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot make a " + type.getSimpleName() + " of a row", e);
            }
        };
    }

    /** The column of the name: at the guessed position when it is there, else wherever the result has it. */
    private static int index(ResultSetMetaData meta, String name, int guess, Class<?> type) throws SQLException {
        int count = meta.getColumnCount();
        if (guess <= count && name.equalsIgnoreCase(meta.getColumnLabel(guess))) {
            return guess;
        }
        for (int i = 1; i <= count; i++) {
            if (name.equalsIgnoreCase(meta.getColumnLabel(i))) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + name + " for " + type.getSimpleName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static @Nullable Object value(ResultSet rs, int index, Class<?> type) throws SQLException {
        if (type == int.class) {
            return rs.getInt(index);
        }
        if (type == long.class) {
            return rs.getLong(index);
        }
        if (type == boolean.class) {
            return rs.getBoolean(index);
        }
        if (type == double.class) {
            return rs.getDouble(index);
        }
        if (type == String.class) {
            return rs.getString(index);
        }
        if (type == BigDecimal.class) {
            return rs.getBigDecimal(index);
        }
        if (type.isEnum()) {
            String name = rs.getString(index);
            return name == null ? null : Enum.valueOf((Class<? extends Enum>) type, name);
        }
        return rs.getObject(index, type);
    }

    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }
}
