package org.kehou.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.ClassSummary;
import org.kehou.organization.OrganizationQueries.CountySummary;
import org.kehou.organization.OrganizationQueries.GuardianOfStudent;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.OrganizationQueries.StudentDetails;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.organization.Relation;
import org.kehou.organization.RosterImport;
import org.kehou.organization.Stage;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Page;
import org.kehou.platform.Role;
import org.kehou.platform.Sex;
import org.kehou.platform.UserScope;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The city, county, school, teacher and guardian pages alone, with the read models mocked: each renders as a page
 * and, for an htmx request, as its own fragment or the same page; an id the read model does not find is 404.
 */
@WebMvcTest({
    CityController.class,
    CountyController.class,
    SchoolController.class,
    FamilyController.class,
    RosterController.class
})
@Import(org.kehou.platform.internal.ScopeArgumentResolver.class)
class PageControllerTests {

    static final UUID COUNTY = UUID.randomUUID();
    static final UUID SCHOOL = UUID.randomUUID();
    static final UUID CLASS = UUID.randomUUID();
    static final UUID STAFF = UUID.randomUUID();
    static final UUID GUARDIAN = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();

    static final UserScope CITY = scope(Role.CITY_ADMIN, null, null, null, null);
    static final UserScope COUNTY_ADMIN = scope(Role.COUNTY_ADMIN, COUNTY, null, null, null);
    static final UserScope SCHOOL_ADMIN = scope(Role.SCHOOL_ADMIN, COUNTY, SCHOOL, null, null);
    static final UserScope TEACHER = scope(Role.TEACHER, COUNTY, SCHOOL, STAFF, null);
    static final UserScope PARENT = scope(Role.GUARDIAN, null, null, null, GUARDIAN);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    OrganizationQueries queries;

    @MockitoBean
    OrganizationManagement management;

    @MockitoBean
    RosterImport roster;

    @MockitoBean
    AccountManagement accounts;

    @BeforeEach
    void readModels() {
        for (UserScope s : List.of(CITY, COUNTY_ADMIN, SCHOOL_ADMIN, TEACHER, PARENT)) {
            given(accounts.scopeOf(s.accountId())).willReturn(Optional.of(s));
        }
        CountySummary county =
                new CountySummary(COUNTY, "410305", "涧西区", "Jianxi District", "DISTRICT", 3, 30, 1200, 80);
        SchoolSummary school = new SchoolSummary(SCHOOL, COUNTY, "S-1", "测试小学", Stage.PRIMARY, null, false, 1, 1, 1);
        ClassSummary schoolClass = new ClassSummary(CLASS, COUNTY, SCHOOL, 2, "1班", STAFF, "王老师", 1);
        StudentRow child = new StudentRow(
                CHILD,
                COUNTY,
                SCHOOL,
                CLASS,
                "林一",
                Sex.FEMALE,
                LocalDate.of(2018, 3, 1),
                "410***********1234",
                false,
                2,
                "1班",
                "测试小学");
        given(queries.counties(any())).willReturn(List.of(county));
        given(queries.county(any(), eq(COUNTY))).willReturn(county);
        given(queries.schools(any(), eq(COUNTY), any())).willReturn(new Page<>(List.of(school), 0, 20, 1));
        given(queries.school(any(), eq(SCHOOL))).willReturn(school);
        given(queries.classes(any(), eq(SCHOOL))).willReturn(List.of(schoolClass));
        given(queries.schoolClass(any(), eq(CLASS))).willReturn(schoolClass);
        given(queries.classesTaughtBy(any())).willReturn(List.of(schoolClass));
        given(queries.studentsOfClass(any(), eq(CLASS), any())).willReturn(new Page<>(List.of(child), 0, 50, 1));
        given(queries.guardians(any(), eq(SCHOOL), any())).willReturn(new Page<>(List.of(), 0, 20, 0));
        given(queries.staff(any(), eq(SCHOOL))).willReturn(List.of());
        given(queries.terms(any(), eq(SCHOOL))).willReturn(List.of());
        given(queries.children(any())).willReturn(List.of(child));
        given(queries.student(any(), eq(CHILD)))
                .willReturn(new StudentDetails(
                        child, List.of(new GuardianOfStudent(GUARDIAN, "林妈妈", "13900001111", Relation.MOTHER, true))));
        given(queries.county(any(), eq(UUID.fromString("00000000-0000-0000-0000-000000000001"))))
                .willThrow(new NotFoundException("county"));
    }

    @Test
    void cityPagesShowCountiesWithTheirCounts() {
        assertThat(mvc.get().uri("/city").with(SignIn.as(CITY)))
                .hasStatusOk()
                .bodyText()
                .contains("涧西区")
                .contains("1200");
        assertPageAndFragment(CITY, "/city/counties/" + COUNTY, "测试小学");
        assertThat(mvc.get()
                        .uri("/city/counties/00000000-0000-0000-0000-000000000001")
                        .with(SignIn.as(CITY)))
                .hasStatus(404);
    }

    @Test
    void countyPagesListAndOpenSchools() {
        assertPageAndFragment(COUNTY_ADMIN, "/county", "测试小学");
        assertThat(mvc.get().uri("/county/schools/new").with(SignIn.as(COUNTY_ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("新建学校");
    }

    @Test
    void schoolPagesRender() {
        assertThat(mvc.get().uri("/school").with(SignIn.as(SCHOOL_ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("测试小学")
                .contains("王老师");
        assertThat(mvc.get().uri("/school/classes").with(SignIn.as(SCHOOL_ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("新建班级");
        assertPageAndFragment(SCHOOL_ADMIN, "/school/classes/" + CLASS, "林一");
        assertPageAndFragment(SCHOOL_ADMIN, "/school/guardians", "暂无记录");
        assertThat(mvc.get().uri("/school/staff").with(SignIn.as(SCHOOL_ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("添加教职工");
        assertThat(mvc.get().uri("/school/calendar").with(SignIn.as(SCHOOL_ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("新建学期");
        assertThat(mvc.get().uri("/school/import").with(SignIn.as(SCHOOL_ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("下载模板");
    }

    @Test
    void teacherAndGuardianPagesShowOnlyWhatTheReadModelGives() {
        assertThat(mvc.get().uri("/teacher").with(SignIn.as(TEACHER)))
                .hasStatusOk()
                .bodyText()
                .contains("2年级1班");
        assertThat(mvc.get().uri("/teacher/classes/" + CLASS).with(SignIn.as(TEACHER)))
                .hasStatusOk()
                .bodyText()
                .contains("林一");
        assertThat(mvc.get().uri("/guardian").with(SignIn.as(PARENT)))
                .hasStatusOk()
                .bodyText()
                .contains("林一")
                .contains("测试小学");
        assertThat(mvc.get().uri("/guardian/children/" + CHILD).with(SignIn.as(PARENT)))
                .hasStatusOk()
                .bodyText()
                .contains("13900001111");
        assertThat(mvc.get()
                        .uri("/guardian/children/" + CHILD)
                        .header("HX-Request", "true")
                        .with(SignIn.as(PARENT)))
                .hasStatusOk();
    }

    private void assertPageAndFragment(UserScope caller, String uri, String text) {
        assertThat(mvc.get().uri(uri).with(SignIn.as(caller)))
                .hasStatusOk()
                .bodyText()
                .contains("<html")
                .contains(text);
        assertThat(mvc.get().uri(uri).header("HX-Request", "true").with(SignIn.as(caller)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("<html")
                .contains("id=\"rows\"")
                .contains(text);
    }

    private static UserScope scope(Role role, UUID county, UUID school, UUID staff, UUID guardian) {
        return new UserScope(UUID.randomUUID(), "用户", Set.of(role), county, school, staff, guardian, null);
    }
}
