package org.kehou.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.organization.OrganizationManagement.NewGuardian;
import org.kehou.organization.OrganizationManagement.NewStudent;
import org.kehou.organization.OrganizationManagement.Outcome.Change;
import org.kehou.organization.OrganizationManagement.SchoolDetails;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.ChineseIdNumber;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.UserScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The organization module on its own with the platform it depends on (ORG-1, ORG-2): a county opens a school, the
 * school registers a student and links guardians, every read is scoped, every personal-data write audited.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@TestPropertySource(
        properties = {
            "kehou.demo.enabled=false",
            "spring.datasource.url=jdbc:h2:mem:organization-module;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
        })
class OrganizationIntegrationTests {

    @Autowired
    OrganizationManagement management;

    @Autowired
    OrganizationQueries queries;

    @Autowired
    AuditTrail audit;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void registersAStudentWithGuardiansInsideTheScope() {
        UUID county = county("419901");
        UserScope countyAdmin = scope(EnumSet.of(Role.COUNTY_ADMIN), county, null);
        UUID school =
                management.openSchool(countyAdmin, county, new SchoolDetails("T-PS-1", "测试小学", Stage.PRIMARY, null));
        UserScope schoolAdmin = scope(EnumSet.of(Role.SCHOOL_ADMIN), county, school);
        UUID schoolClass = management.openClass(schoolAdmin, school, 2, "1班", null);

        ChineseIdNumber id = ChineseIdNumber.of(valid("41030520180301001"));
        var registered = management.registerStudent(schoolAdmin, school, new NewStudent("赵小雨", id, schoolClass));
        assertThat(registered.change()).isEqualTo(Change.CREATED);
        assertThat(management
                        .registerStudent(schoolAdmin, school, new NewStudent("赵小雨", id, schoolClass))
                        .change())
                .as("the same student again changes nothing")
                .isEqualTo(Change.UNCHANGED);
        var linked = management.linkGuardian(
                schoolAdmin, registered.id(), new NewGuardian("赵妈妈", MobileNumber.of("13912345678"), Relation.MOTHER));
        assertThat(linked.change()).isEqualTo(Change.CREATED);

        var details = queries.student(schoolAdmin, registered.id());
        assertThat(details.student().idNumberMasked())
                .isEqualTo(id.masked())
                .doesNotContain(id.value().substring(6, 14));
        assertThat(details.guardians())
                .singleElement()
                .satisfies(g -> assertThat(g.mobile()).isEqualTo("13912345678"));
        assertThat(queries.students(schoolAdmin, school, null, new PageQuery(0, 20, "name", false, "小雨"))
                        .total())
                .isEqualTo(1);
        assertThat(audit.historyOf(registered.id()))
                .extracting(AuditTrail.AuditRecord::action)
                .contains("student.created", "student.guardianLinked");
        assertThat(audit.historyOf(registered.id()).toString()).doesNotContain(id.value());

        UserScope guardian =
                new UserScope(UUID.randomUUID(), "赵妈妈", Set.of(Role.GUARDIAN), null, null, null, linked.id(), null);
        assertThat(queries.children(guardian))
                .extracting(OrganizationQueries.StudentRow::name)
                .containsExactly("赵小雨");
        assertThat(queries.student(guardian, registered.id()).guardians())
                .singleElement()
                .satisfies(g -> assertThat(g.mobile()).isEqualTo("13912345678"));

        UUID otherCounty = county("419902");
        UserScope stranger = scope(EnumSet.of(Role.SCHOOL_ADMIN), otherCounty, UUID.randomUUID());
        assertThatThrownBy(() -> queries.student(stranger, registered.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> management.correctStudent(stranger, registered.id(), "改名", schoolClass))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> management.revealIdNumber(stranger, registered.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(management.revealIdNumber(schoolAdmin, registered.id())).isEqualTo(id.value());
        assertThat(audit.historyOf(registered.id()))
                .extracting(AuditTrail.AuditRecord::action)
                .contains("student.idNumber.revealed");
    }

    @Test
    void refusesAStudentAlreadyRegisteredAtAnotherSchool() {
        UUID county = county("419903");
        UserScope countyAdmin = scope(EnumSet.of(Role.COUNTY_ADMIN), county, null);
        UUID first = management.openSchool(countyAdmin, county, new SchoolDetails("T-PS-2", "甲校", Stage.PRIMARY, null));
        UUID second =
                management.openSchool(countyAdmin, county, new SchoolDetails("T-PS-3", "乙校", Stage.NINE_YEAR, null));
        UserScope a = scope(EnumSet.of(Role.SCHOOL_ADMIN), county, first);
        UserScope b = scope(EnumSet.of(Role.SCHOOL_ADMIN), county, second);
        ChineseIdNumber id = ChineseIdNumber.of(valid("41030520170505002"));
        management.registerStudent(a, first, new NewStudent("钱一", id, management.openClass(a, first, 3, "1班", null)));
        UUID classB = management.openClass(b, second, 3, "1班", null);
        assertThatThrownBy(() -> management.registerStudent(b, second, new NewStudent("钱一", id, classB)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("student.idNumberAtOtherSchool");
        assertThatThrownBy(() -> management.openClass(a, first, 8, "2班", null))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("class.gradeNotInStage");
    }

    private UUID county(String code) {
        UUID city = jdbc.sql("select id from organization.city")
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    jdbc.sql(
                                    "insert into organization.city (id, version, code, name, name_en) values (:id, 0, '419900', '测试市', 'Test')")
                            .param("id", id)
                            .update();
                    return id;
                });
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into organization.county (id, version, city_id, code, name, name_en, kind, sort_order) values (:id, 0, :city, :code, '测试区', 'Test', 'DISTRICT', 0)")
                .param("id", id)
                .param("city", city)
                .param("code", code)
                .update();
        return id;
    }

    private static UserScope scope(Set<Role> roles, UUID county, UUID school) {
        return new UserScope(UUID.randomUUID(), "测试", roles, county, school, null, null, null);
    }

    private static String valid(String first17) {
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }
}
