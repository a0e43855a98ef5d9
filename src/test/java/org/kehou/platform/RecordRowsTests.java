package org.kehou.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A record is mapped from a row by its columns' reported names, snake case to camel case, in any order, with enums
 * converted and nulls kept, and without asking the result for a column by name (which PostgreSQL's driver answers,
 * for a name it does not have, by building an exception).
 */
class RecordRowsTests {

    record Line(
            UUID schoolId,
            DayOfWeek weekday,
            int gradeLevel,
            @Nullable String reason) {}

    @Test
    void mapsByTheReportedColumnNamesInAnyOrderAndNeverLooksOneUpByName() throws SQLException {
        UUID school = UUID.randomUUID();
        // the columns in another order than the components
        ResultSet rs = result("weekday", "reason", "school_id", "grade_level");
        when(rs.getObject(3, UUID.class)).thenReturn(school);
        when(rs.getString(1)).thenReturn("WEDNESDAY");
        when(rs.getInt(4)).thenReturn(4);
        when(rs.getString(2)).thenReturn(null);

        Line line = RecordRows.of(Line.class).mapRow(rs, 0);

        assertThat(line).isEqualTo(new Line(school, DayOfWeek.WEDNESDAY, 4, null));
        assertThat(RecordRows.of(Line.class)).as("one mapper per type").isSameAs(RecordRows.of(Line.class));
    }

    @Test
    void aMissingColumnIsNamed() throws SQLException {
        ResultSet rs = result("school_id", "weekday", "grade_level");

        assertThatThrownBy(() -> RecordRows.of(Line.class).mapRow(rs, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no column reason");
    }

    record Small(short size) {}

    @Test
    void aComponentOfATypeItCannotReadIsRefusedWhenTheMapperIsMade() {
        assertThatThrownBy(() -> RecordRows.of(Small.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size");
    }

    @Test
    void camelCaseBecomesSnakeCase() {
        assertThat(RecordRows.snakeCase("countyId")).isEqualTo("county_id");
        assertThat(RecordRows.snakeCase("id")).isEqualTo("id");
        assertThat(RecordRows.snakeCase("publishedOn")).isEqualTo("published_on");
    }

    private static ResultSet result(String... names) throws SQLException {
        ResultSetMetaData meta = mock(ResultSetMetaData.class);
        when(meta.getColumnCount()).thenReturn(names.length);
        for (int i = 0; i < names.length; i++) {
            when(meta.getColumnLabel(i + 1)).thenReturn(names[i]);
        }
        ResultSet rs = mock(ResultSet.class);
        when(rs.getMetaData()).thenReturn(meta);
        when(rs.findColumn(anyString())).thenThrow(new SQLException("asked by name"));
        when(rs.getObject(anyString())).thenThrow(new SQLException("asked by name"));
        when(rs.getString(anyString())).thenThrow(new SQLException("asked by name"));
        return rs;
    }
}
