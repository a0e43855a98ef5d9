package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A care request's history is kept as written (SCOPE-1, SCOPE-2): the database refuses to change or remove it. */
@KehouTest
class CareHistoryAppendOnlyTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseRefusesToChangeOrRemoveAHistoryEntry() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into enrollment.care_request_history
                          (id, request_id, kind, county_id, school_id, occurred_at, actor_id, actor_name, action)
                        values (:id, :id, 'EARLY_ARRIVAL', :id, :id, current_timestamp, :id, '测试', 'SUBMITTED')""").param("id", id).update();
        assertThatThrownBy(() -> jdbc.sql("update enrollment.care_request_history set actor_name = 'x' where id = :id")
                        .param("id", id)
                        .update())
                .hasMessageContaining("care_request_history is append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from enrollment.care_request_history where id = :id")
                        .param("id", id)
                        .update())
                .hasMessageContaining("care_request_history is append-only");
        assertThat(jdbc.sql("select actor_name from enrollment.care_request_history where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("测试");
    }
}
