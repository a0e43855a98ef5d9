package org.kehou.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kehou.catalog.CatalogManagement;
import org.kehou.enrollment.CareAction;
import org.kehou.enrollment.CareKind;
import org.kehou.enrollment.CareRequests;
import org.kehou.enrollment.CareRequests.ArrivalList;
import org.kehou.enrollment.CareRequests.CareGroupSummary;
import org.kehou.enrollment.CareRequests.CareRequestSummary;
import org.kehou.enrollment.CareRequests.CareRoster;
import org.kehou.enrollment.CareRequests.HistoryEntry;
import org.kehou.enrollment.CareRequests.NewExtendedCare;
import org.kehou.enrollment.CareRequests.RosterGroup;
import org.kehou.enrollment.CareStatus;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.organization.Stage;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Page;
import org.kehou.platform.Role;
import org.kehou.platform.RuleViolation;
import org.kehou.platform.Sex;
import org.kehou.platform.UserScope;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The care pages alone, with the façade and read models mocked (SCOPE-1, SCOPE-2): each renders as a page and, for
 * an htmx request, as its own fragment; a form is turned into the façade's command; a rule's refusal is shown on the
 * page and an id the façade does not find is 404.
 */
@WebMvcTest({CareRequestGuardianController.class, CareRequestSchoolController.class, CareRequestListController.class})
@Import({org.kehou.platform.internal.ScopeArgumentResolver.class, CareRequestControllerTests.FixedClock.class})
class CareRequestControllerTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    static final UUID COUNTY = UUID.randomUUID();
    static final UUID SCHOOL = UUID.randomUUID();
    static final UUID CLASS = UUID.randomUUID();
    static final UUID CHILD = UUID.randomUUID();
    static final UUID REQUEST = UUID.randomUUID();
    static final UUID GROUP = UUID.randomUUID();
    static final UserScope ADMIN =
            new UserScope(UUID.randomUUID(), "校管理员", Set.of(Role.SCHOOL_ADMIN), COUNTY, SCHOOL, null, null, null);
    static final UserScope PARENT =
            new UserScope(UUID.randomUUID(), "林妈妈", Set.of(Role.GUARDIAN), null, null, null, UUID.randomUUID(), null);

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(
                    MONDAY.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
        }
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CareRequests care;

    @MockitoBean
    OrganizationQueries organization;

    @MockitoBean
    CatalogManagement catalog;

    @MockitoBean
    AccountManagement accounts;

    CareRequestSummary early;
    CareRequestSummary extended;

    @BeforeEach
    void readModels() {
        given(accounts.scopeOf(ADMIN.accountId())).willReturn(Optional.of(ADMIN));
        given(accounts.scopeOf(PARENT.accountId())).willReturn(Optional.of(PARENT));
        SchoolSummary school = new SchoolSummary(SCHOOL, COUNTY, "S-1", "测试小学", Stage.PRIMARY, null, false, 1, 1, 1);
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
        List<HistoryEntry> history = List.of(
                new HistoryEntry(MONDAY.atTime(8, 0), "林妈妈", CareAction.SUBMITTED, null),
                new HistoryEntry(MONDAY.atTime(8, 30), "校管理员", CareAction.ACCEPTED, "王老师"));
        early = summary(REQUEST, CareKind.EARLY_ARRIVAL, CareStatus.ACCEPTED, LocalTime.of(7, 10), null, history);
        extended = summary(
                UUID.randomUUID(), CareKind.EXTENDED_CARE, CareStatus.ACCEPTED, null, LocalTime.of(18, 30), history);
        given(organization.school(any(), eq(SCHOOL))).willReturn(school);
        given(organization.children(any())).willReturn(List.of(child));
        given(organization.termsOfStudent(any(), eq(CHILD))).willReturn(List.of());
        given(organization.staff(any(), eq(SCHOOL))).willReturn(List.of());
        given(catalog.venues(any(), eq(SCHOOL))).willReturn(List.of());
        given(care.familyRequests(any())).willReturn(List.of(early, extended));
        given(care.pendingRequests(any(), eq(SCHOOL))).willReturn(List.of());
        given(care.decidedRequests(any(), eq(SCHOOL), any())).willReturn(new Page<>(List.of(early), 0, 20, 1));
        given(care.careGroups(any(), eq(SCHOOL))).willReturn(List.of());
        given(care.request(any(), eq(CareKind.EARLY_ARRIVAL), eq(REQUEST))).willReturn(early);
        given(care.expectedArrivals(any(), eq(SCHOOL), any()))
                .willAnswer(a -> new ArrivalList(a.getArgument(2), true, List.of(early)));
        CareGroupSummary group = new CareGroupSummary(GROUP, "晚托一组", UUID.randomUUID(), "王老师", "图书室", null, 1);
        given(care.extendedCareRoster(any(), eq(SCHOOL), any()))
                .willAnswer(a -> new CareRoster(
                        a.getArgument(2), true, List.of(new RosterGroup(group, List.of(extended))), List.of()));
    }

    @Test
    void theGuardianPageShowsTheChildsRequestsWithTheirDecisionsAndHistory() {
        assertThat(mvc.get().uri("/guardian/care").with(SignIn.as(PARENT)))
                .hasStatusOk()
                .bodyText()
                .contains("林一")
                .contains("看护老师：王老师")
                .contains("托管组：晚托一组（图书室，负责老师 王老师）")
                .contains("提交申请")
                .contains("2026-11-02 08:30");
        assertThat(mvc.get().uri("/guardian/care?child=" + UUID.randomUUID()).with(SignIn.as(PARENT)))
                .hasStatus(404);
    }

    @Test
    void theGuardiansFormBecomesTheCommand() {
        assertThat(mvc.post()
                        .uri("/guardian/care/extended-care")
                        .param("studentId", CHILD.toString())
                        .param("firstDay", "2026-11-02")
                        .param("lastDay", "2026-11-13")
                        .param("weekdays", "MONDAY", "THURSDAY")
                        .param("pickupBy", "18:30")
                        .param("reason", " 下班晚 ")
                        .with(csrf())
                        .with(SignIn.as(PARENT)))
                .hasStatus(302)
                .hasRedirectedUrl("/guardian/care?child=" + CHILD);
        verify(care)
                .requestExtendedCare(
                        any(),
                        eq(new NewExtendedCare(
                                CHILD,
                                MONDAY,
                                LocalDate.of(2026, 11, 13),
                                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                                LocalTime.of(18, 30),
                                "下班晚")));
    }

    @Test
    void schoolPagesRenderWholeOrAsTheirFragment() {
        assertPageAndFragment("/school/care-requests", "decided", "林一");
        assertPageAndFragment("/school/early-arrivals?date=2026-11-02", "list", "07:10");
        assertPageAndFragment("/school/extended-care?date=2026-11-02", "list", "晚托一组 · 图书室 · 负责老师 王老师");
        assertThat(mvc.get().uri("/school/early-arrivals").with(SignIn.as(ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("2026-11-02（周一）提前到校");
    }

    @Test
    void aRefusalIsShownOnTheRequestsPageAndAnUnknownRequestIsNotFound() {
        willThrow(new RuleViolation("care.alreadyDecided"))
                .given(care)
                .declineEarlyArrival(any(), eq(REQUEST), eq("人手不足"));
        assertThat(mvc.post()
                        .uri("/school/care-requests/early-arrivals/" + REQUEST + "/decline")
                        .param("reason", "人手不足")
                        .with(csrf())
                        .with(SignIn.as(ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("该申请已经处理过，不能再次处理。");
        UUID unknown = UUID.randomUUID();
        given(care.request(any(), eq(CareKind.EARLY_ARRIVAL), eq(unknown)))
                .willThrow(new NotFoundException("care request"));
        assertThat(mvc.post()
                        .uri("/school/care-requests/early-arrivals/" + unknown + "/accept")
                        .param("careStaffId", UUID.randomUUID().toString())
                        .with(csrf())
                        .with(SignIn.as(ADMIN)))
                .hasStatus(404);
        verify(care, never()).acceptEarlyArrival(any(), eq(unknown), any());
    }

    private void assertPageAndFragment(String uri, String fragment, String text) {
        assertThat(mvc.get().uri(uri).with(SignIn.as(ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("<html")
                .contains(text);
        assertThat(mvc.get().uri(uri).header("HX-Request", "true").with(SignIn.as(ADMIN)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("<html")
                .contains("id=\"" + fragment + "\"")
                .contains(text);
    }

    private static CareRequestSummary summary(
            UUID id,
            CareKind kind,
            CareStatus status,
            LocalTime arrival,
            LocalTime pickup,
            List<HistoryEntry> history) {
        boolean extendedCare = kind == CareKind.EXTENDED_CARE;
        return new CareRequestSummary(
                id,
                kind,
                COUNTY,
                SCHOOL,
                CHILD,
                "林一",
                2,
                "1班",
                MONDAY,
                MONDAY.plusDays(4),
                arrival,
                pickup,
                extendedCare ? List.of(DayOfWeek.MONDAY) : List.of(),
                "上班早",
                !extendedCare,
                status,
                UUID.randomUUID(),
                "王老师",
                extendedCare ? GROUP : null,
                extendedCare ? "晚托一组" : null,
                extendedCare ? "图书室" : null,
                null,
                LocalDateTime.of(MONDAY, LocalTime.of(8, 0)),
                LocalDateTime.of(MONDAY, LocalTime.of(8, 30)),
                history);
    }
}
