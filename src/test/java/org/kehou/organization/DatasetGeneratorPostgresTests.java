package org.kehou.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kehou.organization.DatasetGenerator.Options;
import org.kehou.organization.DatasetPlan.Size;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.ChineseIdNumber;
import org.kehou.platform.PersonalDataProtector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The benchmark dataset generator against a real PostgreSQL (database {@code kehou_ci_gen}, dropped and created
 * for the run): counts, ID numbers stored as the application stores them, determinism, refusal of a database that
 * holds data, and accounts that sign in. Skipped when PostgreSQL is unreachable, unless
 * {@code -Dkehou.require.postgres=true}.
 */
@SpringBootTest(properties = "kehou.demo.enabled=false")
@ActiveProfiles("postgres")
class DatasetGeneratorPostgresTests {

    private static final String DATABASE = "kehou_ci_gen";
    private static final String HOST = env("PGHOST", "127.0.0.1");
    private static final String PORT = env("PGPORT", "5432");
    private static final String USER = env("PGUSER", "postgres");
    private static final String PASSWORD = env("PGPASSWORD", "");
    private static final int SCHOOL_YEAR = 2026;
    private static final String COUNTY = "410305";

    @Autowired
    DataSource dataSource;

    @Autowired
    PersonalDataProtector protector;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    AuditTrail audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Autowired
    Environment environment;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void freshDatabase() {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + url("postgres") + " (" + e.getMessage() + ")";
            if (Boolean.getBoolean("kehou.require.postgres")) {
                fail(message + "; it is required (kehou.require.postgres=true)");
            }
            System.err.println(message + "; skipping the dataset generator tests");
            Assumptions.abort(message);
        }
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> url(DATABASE));
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    @Test
    void writesTheSampleAsPlanned() {
        DatasetGenerator.Summary summary = regenerate(42);
        DatasetPlan plan = DatasetPlan.of(Size.SAMPLE, 42, SCHOOL_YEAR, COUNTY, new SeededIds(0, 0));

        assertThat(count("organization.city")).isEqualTo(1);
        assertThat(count("organization.county")).isEqualTo(DemoCity.COUNTIES.size());
        assertThat(jdbc.sql("select stage from organization.school order by code")
                        .query(String.class)
                        .list())
                .containsExactly("PRIMARY", "JUNIOR_MIDDLE", "NINE_YEAR");
        assertThat(count("organization.school_class")).isEqualTo(plan.classes()).isEqualTo(6L + 3 + 9);
        assertThat(count("organization.student")).isEqualTo(plan.students()).isBetween(18L * 10, 18L * 14);
        assertThat(count("organization.staff")).isEqualTo(plan.staff());
        assertThat(count("organization.term")).isEqualTo(2L * 3);
        assertThat(summary.rows()).containsEntry("organization.student", plan.students());
        assertThat(summary.databaseBytes()).isPositive();

        // every student in the school and county of their class, 1 or 2 guardians, some of them siblings
        assertThat(single("""
                        select count(*) from organization.student st
                        join organization.school_class c on c.id = st.class_id
                        where c.school_id <> st.school_id or c.county_id <> st.county_id""")).isZero();
        assertThat(jdbc.sql("""
                        select distinct count(*) from organization.student st
                        join organization.student_guardian sg on sg.student_id = st.id group by st.id""").query(Long.class).list()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(single("""
                        select count(*) from organization.student st where not exists
                          (select 1 from organization.student_guardian sg
                           where sg.student_id = st.id and sg.primary_contact)""")).isZero();
        assertThat(single("""
                        select count(*) from (select guardian_id from organization.student_guardian
                          group by guardian_id having count(*) > 1) shared""")).isPositive();
        assertThat(single("""
                        select max(n) from (select count(*) as n from organization.student_guardian
                          group by guardian_id) children""")).isBetween(2L, 3L);
        assertThat(single("select count(*) from organization.guardian g where not exists "
                        + "(select 1 from organization.student_guardian sg where sg.guardian_id = g.id)"))
                .isZero();
        // a head teacher for every class, one member of staff per 16 students or more
        assertThat(single("select count(*) from organization.school_class where head_teacher_id is null"))
                .isZero();
        assertThat(count("organization.staff") * DatasetPlan.STUDENTS_PER_STAFF)
                .isGreaterThanOrEqualTo(count("organization.student"));
        for (String table : List.of(
                "organization.school",
                "organization.staff",
                "organization.student",
                "organization.guardian",
                "platform.user_account")) {
            assertThat(single("select count(*) from " + table + " where not demo"))
                    .as(table)
                    .isZero();
        }
    }

    @Test
    void storesIdNumbersAsTheApplicationDoes() {
        regenerate(42);

        assertThat(single("select count(distinct id_number_hash) from organization.student"))
                .isEqualTo(count("organization.student"));
        // the birth date fits the grade: a first-grader of school year Y turns six by 31 August of Y
        assertThat(single("""
                        select count(*) from organization.student st
                        join organization.school_class c on c.id = st.class_id
                        where st.birth_date not between make_date(%d - 6 - c.grade_level, 9, 1)
                                                    and make_date(%d - 5 - c.grade_level, 8, 31)""".formatted(SCHOOL_YEAR, SCHOOL_YEAR))).isZero();
        List<Map<String, Object>> rows = jdbc.sql("""
                        select st.id_number_cipher, st.id_number_hash, st.id_number_masked, st.sex, st.birth_date,
                          co.code as area
                        from organization.student st join organization.county co on co.id = st.county_id""").query().listOfRows();
        assertThat(rows).hasSize((int) count("organization.student"));
        for (Map<String, Object> row : rows) {
            String plain = protector.decrypt((String) row.get("id_number_cipher"));
            assertThat(ChineseIdNumber.isValid(plain)).as(plain).isTrue();
            ChineseIdNumber id = ChineseIdNumber.of(plain);
            assertThat(plain.charAt(17)).isEqualTo(ChineseIdNumber.checkCharacter(plain.substring(0, 17)));
            assertThat(id.birthDate()).isEqualTo(((java.sql.Date) row.get("birth_date")).toLocalDate());
            assertThat(id.areaCode()).isEqualTo(row.get("area"));
            assertThat(id.sex().name()).isEqualTo(row.get("sex"));
            assertThat(protector.hash(plain)).isEqualTo(((String) row.get("id_number_hash")).strip());
            assertThat(id.masked()).isEqualTo(row.get("id_number_masked"));
        }
    }

    @Test
    void sameSeedGivesTheSameData() {
        regenerate(7);
        Set<List<Object>> students = rows("select name, id_number_hash from organization.student");
        Set<List<Object>> guardians = rows("select id, name, mobile from organization.guardian");
        Set<List<Object>> links = rows("select student_id, guardian_id, relation from organization.student_guardian");

        regenerate(7);

        assertThat(rows("select name, id_number_hash from organization.student"))
                .hasSize(students.size())
                .isEqualTo(students);
        assertThat(rows("select id, name, mobile from organization.guardian")).isEqualTo(guardians);
        assertThat(rows("select student_id, guardian_id, relation from organization.student_guardian"))
                .isEqualTo(links);

        regenerate(8);

        assertThat(rows("select name, id_number_hash from organization.student"))
                .isNotEqualTo(students);
    }

    @Test
    void refusesADatabaseThatAlreadyHoldsStudents() {
        regenerate(42);
        long students = count("organization.student");

        assertThatThrownBy(() -> generator().generate(options(42)))
                .isInstanceOf(DatasetGenerator.Refused.class)
                .hasMessageContaining("already holds %,d students".formatted(students))
                .hasMessageContaining("--fresh");
        assertThat(count("organization.student")).isEqualTo(students);
    }

    @Test
    void opensAccountsOfEveryRoleThatSignInWithTheDocumentedPassword() {
        regenerate(42);

        assertThat(jdbc.sql("select distinct roles from platform.user_account")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        "CITY_ADMIN",
                        "INSPECTOR",
                        "COUNTY_ADMIN",
                        "SCHOOL_ADMIN",
                        "TEACHER",
                        "INSTRUCTOR",
                        "INSTITUTION_ADMIN",
                        "GUARDIAN");
        assertThat(jdbc.sql("select distinct password_hash from platform.user_account")
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(hash ->
                        assertThat(passwords.matches(DemoCity.PASSWORD, hash)).isTrue());
        assertThat(jdbc.sql("select staff_no from platform.user_account where roles = 'COUNTY_ADMIN'")
                        .query(String.class)
                        .list())
                .containsExactly("GEN-" + COUNTY + "-ADMIN");
        // guardian accounts: the first guardians, by consecutive mobile, each of a generated student
        assertThat(jdbc.sql("select mobile from platform.user_account where roles = 'GUARDIAN' order by mobile")
                        .query(String.class)
                        .list())
                .hasSize(50)
                .startsWith(DatasetGenerator.FIRST_GUARDIAN_MOBILE)
                .endsWith("19910000049");
        assertThat(single("""
                        select count(*) from platform.user_account a
                        join organization.guardian g on g.id = a.guardian_id and g.mobile = a.mobile
                        where exists (select 1 from organization.student_guardian sg where sg.guardian_id = g.id)""")).isEqualTo(50);
        assertThat(single("""
                        select count(*) from platform.user_account a
                        join organization.staff s on s.id = a.staff_id and s.staff_no = a.staff_no
                          and s.school_id = a.school_id
                        where a.roles in ('SCHOOL_ADMIN', 'TEACHER')"""))
                .isEqualTo(
                        single("select count(*) from platform.user_account where roles in ('SCHOOL_ADMIN', 'TEACHER')"))
                .isPositive();
    }

    private DatasetGenerator.Summary regenerate(long seed) {
        jdbc.sql("""
                        truncate organization.calendar_day, organization.term, organization.student_guardian,
                          organization.guardian, organization.student, organization.school_class, organization.staff,
                          organization.school, organization.county, organization.city, platform.user_account""").update();
        return generator().generate(options(seed));
    }

    private static Options options(long seed) {
        return new Options(Size.SAMPLE, seed, COUNTY, 50, 2, SCHOOL_YEAR);
    }

    private DatasetGenerator generator() {
        return new DatasetGenerator(dataSource, protector, passwords, audit, transactions, clock, environment, context);
    }

    private long count(String table) {
        return single("select count(*) from " + table);
    }

    private long single(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private Set<List<Object>> rows(String sql) {
        return new HashSet<>(jdbc.sql(sql)
                .query((rs, n) -> {
                    int columns = rs.getMetaData().getColumnCount();
                    Object[] values = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        values[i] = rs.getObject(i + 1);
                    }
                    return List.of(values);
                })
                .list());
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
