package org.kehou.organization;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.kehou.organization.DatasetPlan.ClassPlan;
import org.kehou.organization.DatasetPlan.CountyPlan;
import org.kehou.organization.DatasetPlan.SchoolPlan;
import org.kehou.organization.DatasetPlan.Size;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.ChineseIdNumber;
import org.kehou.platform.PersonalDataProtector;
import org.kehou.platform.Role;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a large deterministic dataset for benchmarks into an empty PostgreSQL database, then ends the
 * application: {@code --kehou.generate=county} (one county, about 60,000 students) or {@code city} (Luoyang's 15
 * counties, 1,500 schools, about 1,000,000 students), with guardians, staff, the current school year's terms and
 * sign-in accounts; {@code sample} is a tiny one for tests. The same seed ({@code kehou.generate.seed}) gives the
 * same names, ID numbers, mobiles and ids. Rows are written with {@code COPY}, school by school, from a bounded
 * queue, so memory stays flat whatever the size. Everything it writes is demo data. See {@code bench/README.md}.
 */
@Component
@ConditionalOnProperty(name = "kehou.generate")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatasetGenerator implements ApplicationRunner {

    /** The first guardian's mobile; guardians get consecutive numbers from it, in generation order. */
    static final String FIRST_GUARDIAN_MOBILE = "19910000000";

    private static final long GUARDIAN_MOBILE_START = 10_000_000L;
    private static final long STAFF_MOBILE_START = 80_000_000L;
    private static final int SIBLING_PERCENT = 8;
    private static final int MOST_CHILDREN = 3;
    private static final int SCHOOL_ACCOUNTS_PER_COUNTY = 3;
    private static final int TEACHER_ACCOUNTS_PER_COUNTY = 3;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final List<String> TABLES = List.of(
            "organization.city",
            "organization.county",
            "organization.school",
            "organization.staff",
            "organization.school_class",
            "organization.term",
            "organization.calendar_day",
            "organization.student",
            "organization.guardian",
            "organization.student_guardian",
            "platform.user_account");
    private static final List<String> PRIMARY_SUBJECTS =
            List.of("语文", "数学", "英语", "科学", "道德与法治", "体育", "音乐", "美术", "信息科技");
    private static final List<String> JUNIOR_SUBJECTS =
            List.of("语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "道德与法治", "体育");
    private static final Logger log = LoggerFactory.getLogger(DatasetGenerator.class);

    private static final String GUARDIAN_TABLE =
            "organization.guardian (id, version, name, mobile, id_number_cipher, id_number_hash, demo, created_at)";
    private static final String STUDENT_TABLE = "organization.student (id, version, county_id, school_id, class_id, "
            + "name, id_number_cipher, id_number_hash, id_number_masked, sex, birth_date, demo, created_at)";
    private static final String LINK_TABLE =
            "organization.student_guardian (student_id, guardian_id, relation, primary_contact)";

    private final DataSource dataSource;
    private final PersonalDataProtector protector;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    DatasetGenerator(
            DataSource dataSource,
            PersonalDataProtector protector,
            PasswordEncoder passwords,
            AuditTrail audit,
            PlatformTransactionManager transactions,
            Clock clock,
            Environment environment,
            ConfigurableApplicationContext context) {
        this.dataSource = dataSource;
        this.protector = protector;
        this.passwords = passwords;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int exitCode;
        try {
            Summary summary = generate(Options.from(environment, clock));
            log.info(summary.report());
            exitCode = 0;
        } catch (Refused | IllegalArgumentException e) {
            log.error("Dataset generation refused: {}", e.getMessage());
            exitCode = 2;
        }
        int code = exitCode;
        // a command, not a server: end once the data is written
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** What to generate. */
    record Options(Size size, long seed, String county, int guardianAccounts, int writers, int schoolYear) {

        static Options from(Environment env, Clock clock) {
            return new Options(
                    Size.of(env.getRequiredProperty("kehou.generate")),
                    env.getProperty("kehou.generate.seed", Long.class, 42L),
                    env.getProperty("kehou.generate.county", "410305"),
                    env.getProperty("kehou.generate.guardian-accounts", Integer.class, 10_000),
                    env.getProperty(
                            "kehou.generate.writers",
                            Integer.class,
                            Runtime.getRuntime().availableProcessors()),
                    env.getProperty(
                            "kehou.generate.school-year",
                            Integer.class,
                            TermDatesRule.schoolYearOf(LocalDate.now(clock))));
        }
    }

    /** What was generated: rows per table, the database's size and how long it took. */
    record Summary(
            Options options,
            Map<String, Long> rows,
            long databaseBytes,
            String databaseSize,
            Duration elapsed,
            List<String> logins) {

        String report() {
            StringBuilder b = new StringBuilder("\n\n===== Kehou dataset '%s' (seed %d, school year %d) in %s =====\n"
                    .formatted(options.size().label(), options.seed(), options.schoolYear(), hms(elapsed)));
            rows.forEach((table, n) -> b.append("  %-32s %,12d%n".formatted(table, n)));
            b.append("  %-32s %12s%n".formatted("database size", databaseSize));
            b.append("  sign in with password ").append(DemoCity.PASSWORD).append(" as:\n");
            logins.forEach(l -> b.append("    ").append(l).append('\n'));
            return b.append("=".repeat(60)).toString();
        }
    }

    /** The database is not one to generate into; the message says why. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Generates the dataset; refuses a database that is not PostgreSQL or already holds base data. */
    Summary generate(Options options) {
        long started = System.nanoTime();
        LocalDateTime createdAt = LocalDate.of(options.schoolYear(), 8, 1).atTime(8, 0);
        SeededIds ids = new SeededIds(
                options.seed(), createdAt.atZone(clock.getZone()).toInstant().toEpochMilli());
        String database = checkEmpty();
        DatasetPlan plan = DatasetPlan.of(options.size(), options.seed(), options.schoolYear(), options.county(), ids);
        log.info(
                "Generating dataset '{}' into {} with seed {}: {} schools, {} classes, {} students, {} staff",
                options.size().label(),
                database,
                options.seed(),
                plan.schools().size(),
                plan.classes(),
                plan.students(),
                plan.staff());
        List<Login> staffLogins = new ArrayList<>();
        List<Login> guardianLogins = new ArrayList<>();
        try {
            UUID cityId = writeStructure(plan, ids, createdAt, staffLogins);
            log.info("Plan and structure written in {}", hms(Duration.ofNanos(System.nanoTime() - started)));
            writePeople(plan, options, ids, createdAt, guardianLogins);
            List<Login> logins = writeAccounts(plan, ids, createdAt, staffLogins, guardianLogins);
            long vacuuming = System.nanoTime();
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                // statistics for the planner, and hint bits and visibility map set as on a settled database
                c.setAutoCommit(true);
                s.execute("vacuum (analyze)");
            }
            log.info("Vacuumed and analyzed in {}", hms(Duration.ofNanos(System.nanoTime() - vacuuming)));
            Map<String, Long> rows = new LinkedHashMap<>();
            long bytes;
            String size;
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    rows.put(table, single(s, "select count(*) from " + table));
                }
                bytes = single(s, "select pg_database_size(current_database())");
                try (ResultSet rs = s.executeQuery("select pg_size_pretty(pg_database_size(current_database()))")) {
                    rs.next();
                    size = rs.getString(1);
                }
            }
            tx.executeWithoutResult(status -> audit.record(new AuditTrail.AuditEntry(
                    "dataset.generated",
                    "city",
                    cityId,
                    null,
                    null,
                    null,
                    Map.of(
                            "size",
                            options.size().label(),
                            "seed",
                            options.seed(),
                            "students",
                            rows.get("organization.student")))));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            return new Summary(options, rows, bytes, size, elapsed, describe(logins));
        } catch (SQLException e) {
            throw new IllegalStateException("dataset generation failed: " + e.getMessage(), e);
        }
    }

    private String checkEmpty() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            if (!c.isWrapperFor(PGConnection.class)) {
                throw new Refused("it needs PostgreSQL (run with the postgres profile and DB_URL), not "
                        + c.getMetaData().getDatabaseProductName());
            }
            String database;
            try (ResultSet rs = s.executeQuery("select current_database()")) {
                rs.next();
                database = rs.getString(1);
            }
            long students = single(s, "select count(*) from organization.student");
            long cities = single(s, "select count(*) from organization.city");
            if (students > 0 || cities > 0) {
                throw new Refused(("database %s already holds %,d students and %d cities; generate into an empty "
                                + "database (bench/generate.sh <size> <database> --fresh drops and re-creates it)")
                        .formatted(database, students, cities));
            }
            return database;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect the database: " + e.getMessage(), e);
        }
    }

    /** Writes the city, counties, schools, staff, classes and terms in one transaction; returns the city's id. */
    private UUID writeStructure(DatasetPlan plan, SeededIds ids, LocalDateTime createdAt, List<Login> logins)
            throws SQLException {
        UUID cityId = ids.next();
        CopyRows city = new CopyRows("organization.city (id, version, code, name, name_en)");
        city.add(cityId).add(0).add("410300").add("洛阳市").add("Luoyang").end();
        CopyRows counties =
                new CopyRows("organization.county (id, version, city_id, code, name, name_en, kind, sort_order)");
        CopyRows schools = new CopyRows(
                "organization.school (id, version, county_id, code, name, stage, address, demo, created_at)");
        CopyRows staff = new CopyRows(
                "organization.staff (id, version, county_id, school_id, staff_no, name, mobile, position, subject, demo)",
                1 << 22);
        CopyRows classes = new CopyRows(
                "organization.school_class (id, version, county_id, school_id, grade_level, name, entry_year, "
                        + "head_teacher_id)",
                1 << 21);
        CopyRows terms = new CopyRows(
                "organization.term (id, version, county_id, school_id, school_year, kind, starts_on, ends_on)");
        CopyRows days = new CopyRows("organization.calendar_day (term_id, on_date, kind, note)");
        SyntheticPeople people = new SyntheticPeople(plan.seed() + 1, STAFF_MOBILE_START);
        List<Term> calendar = termsOf(plan.schoolYear());
        int order = 0;
        for (CountyPlan county : plan.counties()) {
            counties.add(county.id())
                    .add(0)
                    .add(cityId)
                    .add(county.code())
                    .add(county.name())
                    .add(county.nameEn())
                    .add(county.kind())
                    .add(order++)
                    .end();
            int schoolNumber = 0;
            for (SchoolPlan school : county.schools()) {
                schoolNumber++;
                schools.add(school.id())
                        .add(0)
                        .add(school.countyId())
                        .add(school.code())
                        .add(school.name())
                        .add(school.stage().name())
                        .add(school.address())
                        .add(true)
                        .add(createdAt)
                        .end();
                List<UUID> teachers = new ArrayList<>();
                int care = Math.min(
                        Math.max(1, school.staff() / 12),
                        school.staff() - 1 - school.classes().size());
                List<String> subjects = school.stage() == Stage.JUNIOR_MIDDLE ? JUNIOR_SUBJECTS : PRIMARY_SUBJECTS;
                for (int i = 0; i < school.staff(); i++) {
                    StaffPosition position = i == 0
                            ? StaffPosition.ADMINISTRATOR
                            : i <= care ? StaffPosition.CARE : StaffPosition.TEACHER;
                    int n = position == StaffPosition.ADMINISTRATOR ? 1 : i <= care ? i : i - care;
                    UUID id = ids.next();
                    String staffNo = school.staffNo(position, n);
                    String name = people.name(people.familyName());
                    staff.add(id)
                            .add(0)
                            .add(school.countyId())
                            .add(school.id())
                            .add(staffNo)
                            .add(name)
                            .add(people.mobile())
                            .add(position.name())
                            .add(position == StaffPosition.TEACHER ? subjects.get((n - 1) % subjects.size()) : null)
                            .add(true)
                            .end();
                    if (position == StaffPosition.TEACHER) {
                        teachers.add(id);
                    }
                    if (position == StaffPosition.ADMINISTRATOR && schoolNumber <= SCHOOL_ACCOUNTS_PER_COUNTY) {
                        logins.add(new Login(
                                name, null, staffNo, Role.SCHOOL_ADMIN, school.countyId(), school.id(), id, null));
                    }
                    if (position == StaffPosition.TEACHER && schoolNumber == 1 && n <= TEACHER_ACCOUNTS_PER_COUNTY) {
                        logins.add(
                                new Login(name, null, staffNo, Role.TEACHER, school.countyId(), school.id(), id, null));
                    }
                }
                int teacher = 0;
                for (ClassPlan schoolClass : school.classes()) {
                    classes.add(schoolClass.id())
                            .add(0)
                            .add(school.countyId())
                            .add(school.id())
                            .add(schoolClass.grade())
                            .add(schoolClass.name())
                            .add(plan.schoolYear() - schoolClass.grade() + 1)
                            .add(teachers.get(teacher++))
                            .end();
                }
                for (Term term : calendar) {
                    UUID termId = ids.next();
                    terms.add(termId)
                            .add(0)
                            .add(school.countyId())
                            .add(school.id())
                            .add(term.schoolYear())
                            .add(term.kind().name())
                            .add(term.startsOn())
                            .add(term.endsOn())
                            .end();
                    term.days().stream()
                            .sorted((a, b) -> a.onDate().compareTo(b.onDate()))
                            .forEach(day -> days.add(termId)
                                    .add(day.onDate())
                                    .add(day.kind().name())
                                    .add(day.note())
                                    .end());
                }
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (CopyRows rows : List.of(city, counties, schools, staff, classes, terms, days)) {
                rows.copyTo(c);
            }
            c.commit();
        }
        return cityId;
    }

    /**
     * The school year's two terms as every generated school has them: autumn from the first weekday of September
     * to 22 January with the National Day holidays and their make-up Saturday, spring from late February to 9 July.
     */
    private static List<Term> termsOf(int year) {
        // templates only: their ids are never written
        UUID placeholder = new UUID(0, 0);
        Term autumn = Term.plan(
                placeholder,
                placeholder,
                placeholder,
                year,
                TermKind.AUTUMN,
                firstWeekday(LocalDate.of(year, 9, 1)),
                LocalDate.of(year + 1, 1, 22));
        for (int d = 1; d <= 7; d++) {
            LocalDate day = LocalDate.of(year, 10, d);
            if (day.getDayOfWeek().getValue() <= 5) {
                autumn.mark(day, DayKind.HOLIDAY, "国庆节 National Day");
            }
        }
        LocalDate makeUp = LocalDate.of(year, 10, 8);
        while (makeUp.getDayOfWeek() != DayOfWeek.SATURDAY) {
            makeUp = makeUp.plusDays(1);
        }
        autumn.mark(makeUp, DayKind.MAKE_UP_DAY, "国庆调休 make-up day");
        Term spring = Term.plan(
                placeholder,
                placeholder,
                placeholder,
                year,
                TermKind.SPRING,
                firstWeekday(LocalDate.of(year + 1, 2, 23)),
                LocalDate.of(year + 1, 7, 9));
        return List.of(autumn, spring);
    }

    private static LocalDate firstWeekday(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek().getValue() > 5) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * Students with their guardians, school by school: one thread draws the people from the seed (so the data does
     * not depend on timing), the ID numbers are encrypted in parallel, and writer threads, each with its own
     * connection, copy a school at a time and commit.
     */
    private void writePeople(
            DatasetPlan plan, Options options, SeededIds ids, LocalDateTime createdAt, List<Login> logins)
            throws SQLException {
        long total = plan.students();
        AtomicLong written = new AtomicLong();
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        int writers = Math.max(1, options.writers());
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(writers * 2);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers, r -> {
            Thread t = new Thread(r, "dataset-writer-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            running.add(pool.submit(() -> {
                try {
                    copyBatches(queue, written);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    queue.clear();
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        long lastReport = started;
        try {
            SyntheticPeople people = new SyntheticPeople(plan.seed(), GUARDIAN_MOBILE_START);
            for (CountyPlan county : plan.counties()) {
                people.forgetIssuedIdNumbers();
                for (SchoolPlan school : county.schools()) {
                    Batch batch = batchOf(school, plan.schoolYear(), people, ids, createdAt, options, logins);
                    while (!queue.offer(batch, 1, TimeUnit.SECONDS)) {
                        checkWriters(failure);
                    }
                    checkWriters(failure);
                    long now = System.nanoTime();
                    if (Duration.ofNanos(now - lastReport).compareTo(PROGRESS_EVERY) >= 0) {
                        lastReport = now;
                        progress(written.get(), total, now - started);
                    }
                }
            }
            for (int i = 0; i < writers; i++) {
                while (!queue.offer(Batch.END, 1, TimeUnit.SECONDS)) {
                    checkWriters(failure);
                }
            }
            for (Future<?> f : running) {
                f.get();
            }
            checkWriters(failure);
            progress(written.get(), total, System.nanoTime() - started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a writer failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkWriters(AtomicReference<@Nullable Throwable> failure) throws SQLException {
        Throwable e = failure.get();
        if (e instanceof SQLException sql) {
            throw sql;
        }
        if (e != null) {
            throw new IllegalStateException("a writer failed: " + e.getMessage(), e);
        }
    }

    private static void progress(long written, long total, long nanos) {
        double seconds = Math.max(nanos / 1e9, 0.001);
        log.info(
                "Students {} of {} ({}%), {} a second, {} elapsed",
                "%,d".formatted(written),
                "%,d".formatted(total),
                total == 0 ? 100 : written * 100 / total,
                "%,d".formatted((long) (written / seconds)),
                hms(Duration.ofNanos(nanos)));
    }

    private void copyBatches(BlockingQueue<Batch> queue, AtomicLong written) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                while (true) {
                    Batch batch = queue.take();
                    if (batch == Batch.END) {
                        return;
                    }
                    try (Statement s = c.createStatement()) {
                        // bulk benchmark data: a crash may lose the last batches, which a fresh run re-creates
                        s.execute("set local synchronous_commit = off");
                    }
                    batch.guardians().copyTo(c);
                    batch.students().copyTo(c);
                    batch.links().copyTo(c);
                    c.commit();
                    written.addAndGet(batch.students().rows());
                }
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Batch batchOf(
            SchoolPlan school,
            int schoolYear,
            SyntheticPeople people,
            SeededIds ids,
            LocalDateTime createdAt,
            Options options,
            List<Login> logins) {
        CopyRows guardians = new CopyRows(GUARDIAN_TABLE);
        CopyRows links = new CopyRows(LINK_TABLE);
        List<Family> families = new ArrayList<>();
        List<Pending> pending = new ArrayList<>(school.students());
        for (ClassPlan schoolClass : school.classes()) {
            for (int i = 0; i < schoolClass.size(); i++) {
                Family family = siblingFamily(families, people).orElseGet(() -> {
                    Family created = family(people, ids, guardians, createdAt, options, logins);
                    families.add(created);
                    return created;
                });
                family.addChild();
                boolean male = people.coin();
                ChineseIdNumber idNumber =
                        people.idNumber(school.areaCode(), people.birthDate(schoolYear, schoolClass.grade()), male);
                UUID studentId = ids.next();
                pending.add(new Pending(studentId, schoolClass.id(), people.name(family.surname()), idNumber));
                for (Member member : family.members()) {
                    links.add(studentId)
                            .add(member.guardianId())
                            .add(member.relation().name())
                            .add(member.primaryContact())
                            .end();
                }
            }
        }
        CopyRows students = new CopyRows(STUDENT_TABLE, pending.size() * 340);
        pending.parallelStream()
                .map(p -> CopyRows.line(
                        p.id(),
                        0,
                        school.countyId(),
                        school.id(),
                        p.classId(),
                        p.name(),
                        protector.encrypt(p.idNumber().value()),
                        protector.hash(p.idNumber().value()),
                        p.idNumber().masked(),
                        p.idNumber().sex().name(),
                        p.idNumber().birthDate(),
                        true,
                        createdAt))
                .toList()
                .forEach(students::addLine);
        return new Batch(guardians, students, links);
    }

    /** Now and then, an earlier family of the school with fewer than three children gets another one. */
    private static Optional<Family> siblingFamily(List<Family> families, SyntheticPeople people) {
        if (families.isEmpty() || people.nextInt(100) >= SIBLING_PERCENT) {
            return Optional.empty();
        }
        Family family = families.get(people.nextInt(families.size()));
        return family.children() < MOST_CHILDREN ? Optional.of(family) : Optional.empty();
    }

    private static Family family(
            SyntheticPeople people,
            SeededIds ids,
            CopyRows guardians,
            LocalDateTime createdAt,
            Options options,
            List<Login> logins) {
        String surname = people.familyName();
        boolean mother = people.coin();
        List<Member> members = new ArrayList<>(2);
        Relation first = mother ? Relation.MOTHER : Relation.FATHER;
        members.add(guardian(people, ids, guardians, createdAt, options, logins, surname, first, true));
        if (people.nextInt(3) == 0) {
            Relation second = people.coin()
                    ? (mother ? Relation.FATHER : Relation.MOTHER)
                    : (people.coin() ? Relation.GRANDMOTHER : Relation.GRANDFATHER);
            members.add(guardian(people, ids, guardians, createdAt, options, logins, surname, second, false));
        }
        return new Family(surname, List.copyOf(members));
    }

    private static Member guardian(
            SyntheticPeople people,
            SeededIds ids,
            CopyRows guardians,
            LocalDateTime createdAt,
            Options options,
            List<Login> logins,
            String surname,
            Relation relation,
            boolean primaryContact) {
        boolean bornIntoFamily = relation == Relation.FATHER || relation == Relation.GRANDFATHER;
        String name = people.name(bornIntoFamily ? surname : people.familyName());
        String mobile = people.mobile();
        UUID id = ids.next();
        guardians
                .add(id)
                .add(0)
                .add(name)
                .add(mobile)
                .add(null)
                .add(null)
                .add(true)
                .add(createdAt)
                .end();
        if (logins.size() < options.guardianAccounts()) {
            logins.add(new Login(name, mobile, null, Role.GUARDIAN, null, null, null, id));
        }
        return new Member(id, relation, primaryContact);
    }

    /** Opens the sign-in accounts, all with one bcrypt hash of the demo password, and returns them. */
    private List<Login> writeAccounts(
            DatasetPlan plan,
            SeededIds ids,
            LocalDateTime createdAt,
            List<Login> staffLogins,
            List<Login> guardianLogins)
            throws SQLException {
        List<Login> all = new ArrayList<>();
        all.add(new Login("洛阳市教育局（基准数据）", null, "GEN-CITY-ADMIN", Role.CITY_ADMIN, null, null, null, null));
        all.add(new Login("市督导员（基准数据）", null, "GEN-INSPECTOR", Role.INSPECTOR, null, null, null, null));
        UUID firstCounty = null;
        for (CountyPlan county : plan.counties()) {
            if (county.schools().isEmpty()) {
                continue;
            }
            if (firstCounty == null) {
                firstCounty = county.id();
            }
            all.add(new Login(
                    county.name() + "教育局",
                    null,
                    "GEN-" + county.code() + "-ADMIN",
                    Role.COUNTY_ADMIN,
                    county.id(),
                    null,
                    null,
                    null));
        }
        for (int i = 1; i <= 3; i++) {
            all.add(new Login(
                    "社会人员" + i, null, "GEN-INS-%02d".formatted(i), Role.INSTRUCTOR, firstCounty, null, null, null));
            all.add(new Login(
                    "培训机构" + i,
                    null,
                    "GEN-ORG-%02d".formatted(i),
                    Role.INSTITUTION_ADMIN,
                    firstCounty,
                    null,
                    null,
                    null));
        }
        all.addAll(staffLogins);
        all.addAll(guardianLogins);
        all.sort(Comparator.comparing(Login::role));
        String hash = passwords.encode(DemoCity.PASSWORD);
        CopyRows accounts = new CopyRows(
                "platform.user_account (id, version, display_name, mobile, staff_no, password_hash, roles, county_id, "
                        + "school_id, staff_id, guardian_id, institution_id, enabled, demo, created_at)",
                all.size() * 300);
        for (Login login : all) {
            accounts.add(ids.next())
                    .add(0)
                    .add(login.name())
                    .add(login.mobile())
                    .add(login.staffNo())
                    .add(hash)
                    .add(login.role().name())
                    .add(login.county())
                    .add(login.school())
                    .add(login.staff())
                    .add(login.guardian())
                    .add(null)
                    .add(true)
                    .add(true)
                    .add(createdAt)
                    .end();
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            accounts.copyTo(c);
            c.commit();
        }
        return all;
    }

    private static List<String> describe(List<Login> logins) {
        List<String> lines = new ArrayList<>();
        List<Login> guardians = new ArrayList<>();
        for (Login login : logins) {
            if (login.role() == Role.GUARDIAN) {
                guardians.add(login);
            } else {
                lines.add("%-18s %s".formatted(login.role().name(), login.staffNo()));
            }
        }
        if (!guardians.isEmpty()) {
            lines.add("%-18s %s … %s (%,d mobiles)"
                    .formatted(
                            Role.GUARDIAN.name(),
                            guardians.getFirst().mobile(),
                            guardians.getLast().mobile(),
                            guardians.size()));
        }
        return lines;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String hms(Duration d) {
        return "%d:%02d:%02d.%d".formatted(d.toHours(), d.toMinutesPart(), d.toSecondsPart(), d.toMillisPart() / 100);
    }

    /** A sign-in account to open. */
    private record Login(
            String name,
            @Nullable String mobile,
            @Nullable String staffNo,
            Role role,
            @Nullable UUID county,
            @Nullable UUID school,
            @Nullable UUID staff,
            @Nullable UUID guardian) {}

    private record Pending(UUID id, UUID classId, String name, ChineseIdNumber idNumber) {}

    private record Member(UUID guardianId, Relation relation, boolean primaryContact) {}

    /** Guardians and the children of theirs generated so far in the school. */
    private static final class Family {

        private final String surname;
        private final List<Member> members;
        private int children;

        Family(String surname, List<Member> members) {
            this.surname = surname;
            this.members = members;
        }

        String surname() {
            return surname;
        }

        List<Member> members() {
            return members;
        }

        int children() {
            return children;
        }

        void addChild() {
            children++;
        }
    }

    private record Batch(CopyRows guardians, CopyRows students, CopyRows links) {
        static final Batch END = new Batch(new CopyRows(""), new CopyRows(""), new CopyRows(""));
    }
}
