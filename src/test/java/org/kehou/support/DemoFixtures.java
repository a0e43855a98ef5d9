package org.kehou.support;

import java.util.UUID;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.UserScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Ids and scopes of the demo city that tests build on. */
@Component
public class DemoFixtures {

    public static final String PASSWORD = "Kehou@2026";

    private final JdbcClient jdbc;
    private final AccountManagement accounts;

    DemoFixtures(JdbcClient jdbc, AccountManagement accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    public UUID school(String code) {
        return jdbc.sql("select id from organization.school where code = :code")
                .param("code", code)
                .query(UUID.class)
                .single();
    }

    public UUID county(String code) {
        return jdbc.sql("select id from organization.county where code = :code")
                .param("code", code)
                .query(UUID.class)
                .single();
    }

    public UUID anyStudentOf(String schoolCode) {
        return jdbc.sql(
                        "select st.id from organization.student st join organization.school s on s.id = st.school_id where s.code = :code order by st.id limit 1")
                .param("code", schoolCode)
                .query(UUID.class)
                .single();
    }

    public UUID anyClassOf(String schoolCode) {
        return jdbc.sql(
                        "select c.id from organization.school_class c join organization.school s on s.id = c.school_id where s.code = :code order by c.grade_level, c.name limit 1")
                .param("code", schoolCode)
                .query(UUID.class)
                .single();
    }

    /**
     * A new teacher of a school who teaches nothing yet, for tests that need an instructor free at any time: the
     * demo catalog keeps the demo teachers busy, and other tests take their own.
     */
    public UUID newTeacher(UUID school) {
        UUID id = org.kehou.platform.Ids.next();
        jdbc.sql("""
                        insert into organization.staff (id, version, county_id, school_id, staff_no, name, position, demo)
                        select :id, 0, county_id, id, :no, '测试教师', 'TEACHER', true
                        from organization.school where id = :school""")
                .param("id", id)
                .param("no", "TST-" + id.toString().substring(24))
                .param("school", school)
                .update();
        return id;
    }

    /** The scope of a demo account by its sign-in name. */
    public UserScope scope(String login) {
        UUID id = accounts.findForLogin(login).orElseThrow().id();
        return accounts.scopeOf(id).orElseThrow();
    }

    public long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
