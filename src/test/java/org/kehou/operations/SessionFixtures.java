package org.kehou.operations;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.OfferingDirectory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.SlotOneContent;
import org.kehou.catalog.VenueKind;
import org.kehou.enrollment.CareFixtures.Family;
import org.kehou.enrollment.Rosters;
import org.kehou.operations.OperationsFixtures.TestSchool;
import org.kehou.organization.OrganizationQueries;
import org.kehou.platform.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sessions for the roll-call tests: a published offering of a school of {@link OperationsFixtures} on Wednesdays,
 * taught by the school's head teacher, and children confirmed in it. The confirmation is written as the
 * registration's own table holds it, since registration windows of a term two years back are closed; the roll call
 * reads only the confirmed children through {@link Rosters}.
 */
public class SessionFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final CatalogManagement catalog;
    private final JdbcClient jdbc;

    public SessionFixtures(CatalogManagement catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /** A published offering of the school in the slot on Wednesdays, taught by its head teacher. */
    public UUID offering(TestSchool school, Slot slot) {
        int n = SEQUENCE.incrementAndGet();
        UUID venue = catalog.addVenue(
                school.admin(),
                school.id(),
                new NewVenue("点名教室" + n + UUID.randomUUID().toString().substring(0, 4), VenueKind.CLASSROOM, 50));
        UUID course = catalog.defineCourse(
                school.admin(),
                school.id(),
                new NewCourse(
                        "点名课程" + n,
                        CourseCategory.SCHOOL_BASED,
                        null,
                        List.of(2),
                        null,
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
        UUID offering = catalog.draftOffering(
                school.admin(),
                school.id(),
                new NewOffering(
                        course,
                        school.term(),
                        DayOfWeek.WEDNESDAY,
                        slot,
                        venue,
                        List.of(school.teacherStaff()),
                        50,
                        List.of(2),
                        null,
                        slot == Slot.SLOT_1 ? 0 : 30,
                        slot == Slot.SLOT_1 ? SlotOneContent.SELF_HOMEWORK : null,
                        null,
                        null,
                        List.of()));
        catalog.publishOffering(school.admin(), offering);
        return offering;
    }

    /** Confirms the families' children in the offering, in this order. */
    public void register(UUID offering, Family... families) {
        LocalDateTime at = LocalDateTime.of(2020, 1, 1, 8, 0);
        for (Family f : families) {
            at = at.plusSeconds(1);
            jdbc.sql("""
                            insert into enrollment.enrollment (id, version, county_id, school_id, term_id, offering_id,
                              child_id, guardian_id, account_id, weekday, slot, status, active_offering_id, active_slot,
                              consent_version, consented_at, requested_at, confirmed_at)
                            select :id, 0, o.county_id, o.school_id, o.term_id, o.id, :child, :guardian, :account,
                              o.weekday, o.slot, 'CONFIRMED', o.id, concat(o.weekday, '-', o.slot), 'test', :at, :at, :at
                            from catalog.offering o where o.id = :offering""")
                    .param("id", UUID.randomUUID())
                    .param("child", f.student())
                    .param("guardian", f.guardian())
                    .param("account", f.account())
                    .param("at", at)
                    .param("offering", offering)
                    .update();
        }
    }

    /** The sessions as they run at that time (Asia/Shanghai), each call in a transaction as the bean's would be. */
    static Sessions sessions(
            LocalDateTime time,
            OfferingDirectory offerings,
            Rosters rosters,
            PickupSchedule schedule,
            OrganizationQueries organization,
            JdbcClient jdbc,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        Clock clock = FixedClocks.at(time);
        Leaves leaves = FixedClocks.transactional(new Leaves(organization, audit, jdbc, clock), transactions);
        return FixedClocks.transactional(
                new Sessions(
                        offerings, rosters, schedule, organization, leaves, ledger(jdbc, transactions), audit, clock),
                transactions);
    }

    /** The ledger on the tests' database: in one statement on PostgreSQL, portably on the embedded one. */
    static SessionLedger ledger(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return transactions instanceof org.springframework.jdbc.datasource.DataSourceTransactionManager d
                ? new SessionLedger(jdbc, new JdbcTemplate(d.getDataSource()), d.getDataSource())
                : new SessionLedger(jdbc, new JdbcTemplate(), false);
    }

    static Leaves leaves(
            LocalDateTime time,
            OrganizationQueries organization,
            JdbcClient jdbc,
            AuditTrail audit,
            PlatformTransactionManager transactions) {
        return FixedClocks.transactional(new Leaves(organization, audit, jdbc, FixedClocks.at(time)), transactions);
    }
}
