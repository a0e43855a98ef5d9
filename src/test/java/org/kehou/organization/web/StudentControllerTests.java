package org.kehou.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.organization.Stage;
import org.kehou.platform.AccountManagement;
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

/** The student pages alone, with the façade mocked: page and htmx fragment, and a refused form that calls nothing. */
@WebMvcTest(StudentController.class)
@Import({org.kehou.platform.internal.ScopeArgumentResolver.class})
class StudentControllerTests {

    static final UUID SCHOOL = UUID.randomUUID();
    static final UUID COUNTY = UUID.randomUUID();
    static final UserScope ADMIN =
            new UserScope(UUID.randomUUID(), "管理员", Set.of(Role.SCHOOL_ADMIN), COUNTY, SCHOOL, null, null, null);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    OrganizationQueries queries;

    @MockitoBean
    OrganizationManagement management;

    @MockitoBean
    AccountManagement accounts;

    @BeforeEach
    void scope() {
        given(accounts.scopeOf(ADMIN.accountId())).willReturn(Optional.of(ADMIN));
        given(queries.school(any(), eq(SCHOOL)))
                .willReturn(new SchoolSummary(SCHOOL, COUNTY, "S-1", "测试小学", Stage.PRIMARY, null, false, 1, 1, 1));
        StudentRow row = new StudentRow(
                UUID.randomUUID(),
                COUNTY,
                SCHOOL,
                UUID.randomUUID(),
                "林一",
                Sex.FEMALE,
                LocalDate.of(2018, 3, 1),
                "410***********1234",
                false,
                2,
                "1班",
                "测试小学");
        given(queries.students(any(), eq(SCHOOL), isNull(), any())).willReturn(new Page<>(List.of(row), 0, 20, 1));
        given(queries.classes(any(), eq(SCHOOL))).willReturn(List.of());
    }

    @Test
    void rendersTheWholePageOrOnlyTheRowsForHtmx() {
        var page = mvc.get().uri("/school/students").with(SignIn.as(ADMIN)).exchange();
        assertThat(page)
                .hasStatusOk()
                .bodyText()
                .contains("<html")
                .contains("林一")
                .contains("410***********1234");
        var rows = mvc.get()
                .uri("/school/students")
                .header("HX-Request", "true")
                .with(SignIn.as(ADMIN))
                .exchange();
        assertThat(rows)
                .hasStatusOk()
                .bodyText()
                .doesNotContain("<html")
                .contains("id=\"rows\"")
                .contains("林一");
    }

    @Test
    void refusesAMalformedIdNumberBesideTheFieldWithoutCallingTheFacade() {
        var result = mvc.post()
                .uri("/school/students")
                .param("name", "林二")
                .param("idNumber", "41030520180301001")
                .with(csrf())
                .with(SignIn.as(ADMIN))
                .exchange();
        assertThat(result).hasStatusOk().bodyText().contains("身份证号应为18位").contains("is-invalid");
        verifyNoInteractions(management);
    }
}
