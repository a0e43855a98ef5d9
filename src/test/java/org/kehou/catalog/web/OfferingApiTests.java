package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kehou.catalog.ActivityKind;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.SlotOneContent;
import org.kehou.catalog.VenueKind;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.NewStaff;
import org.kehou.organization.StaffPosition;
import org.kehou.organization.TermKind;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public offerings API (COURSE-2): a school's published offerings, filtered by term, grade and slot and paged,
 * without sign-in; drafts never show; an unknown school or an unusable parameter is answered with a problem
 * detail, never a 500; the endpoint is in the OpenAPI document.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferingApiTests {

    static final Cookie ENGLISH = new Cookie("kehou-lang", "en");

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    OrganizationManagement organization;

    UUID school;
    UUID term;
    UUID draft;

    @BeforeAll
    void publishedOfferings() {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        school = admin.schoolId();
        term = organization.planTerm(
                admin, school, 2071, TermKind.AUTUMN, LocalDate.of(2071, 9, 1), LocalDate.of(2072, 1, 15));
        UUID teacher =
                organization.addStaff(admin, school, new NewStaff("API-T1", "接口老师", null, StaffPosition.TEACHER, null));
        UUID room = catalog.addVenue(admin, school, new NewVenue("接口测试室", VenueKind.SPECIAL_ROOM, 40));
        UUID drawing = catalog.defineCourse(
                admin,
                school,
                new NewCourse(
                        "接口国画",
                        CourseCategory.TRADITIONAL_CULTURE,
                        ActivityKind.ARTS,
                        List.of(3, 4, 5),
                        null,
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
        UUID homework = catalog.defineCourse(
                admin,
                school,
                new NewCourse(
                        "接口作业辅导",
                        CourseCategory.SUBJECT_LITERACY,
                        null,
                        List.of(3, 4, 5),
                        null,
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
        publish(admin, offering(drawing, DayOfWeek.MONDAY, Slot.SLOT_2, room, teacher, List.of(3, 4), null));
        publish(admin, offering(drawing, DayOfWeek.TUESDAY, Slot.SLOT_2, room, teacher, List.of(5), null));
        publish(
                admin,
                offering(
                        homework,
                        DayOfWeek.WEDNESDAY,
                        Slot.SLOT_1,
                        room,
                        teacher,
                        List.of(3),
                        SlotOneContent.SELF_HOMEWORK));
        draft = catalog.draftOffering(
                admin, school, offering(drawing, DayOfWeek.THURSDAY, Slot.SLOT_2, room, teacher, List.of(3), null));
    }

    private NewOffering offering(
            UUID course,
            DayOfWeek day,
            Slot slot,
            UUID venue,
            UUID teacher,
            List<Integer> grades,
            SlotOneContent content) {
        return new NewOffering(
                course, term, day, slot, venue, Set.of(teacher), 30, grades, null, 20, content, null, null, List.of());
    }

    private void publish(UserScope admin, NewOffering offering) {
        catalog.publishOffering(admin, catalog.draftOffering(admin, school, offering));
    }

    private String url() {
        return "/api/v1/schools/" + school + "/offerings";
    }

    @Test
    void anyoneSeesPublishedOfferingsOfATermButNoDraft() throws Exception {
        mvc.perform(get(url()).param("term", term.toString()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].weekday").value("MONDAY"))
                .andExpect(jsonPath("$.items[0].courseName").value("接口国画"))
                .andExpect(jsonPath("$.items[2].slotOneContent").value("SELF_HOMEWORK"))
                .andExpect(jsonPath("$.items[?(@.id == '" + draft + "')]").isEmpty());
    }

    @Test
    void filtersByGradeAndSlot() throws Exception {
        mvc.perform(get(url()).param("term", term.toString()).param("grade", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get(url()).param("term", term.toString()).param("grade", "5"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].weekday").value("TUESDAY"));
        mvc.perform(get(url()).param("term", term.toString()).param("slot", "SLOT_1"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].courseName").value("接口作业辅导"));
        mvc.perform(get(url())
                        .param("term", term.toString())
                        .param("grade", "3")
                        .param("slot", "SLOT_2"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].weekday").value("MONDAY"));
        mvc.perform(get(url()).param("term", UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void pagesThroughTheOfferings() throws Exception {
        mvc.perform(get(url()).param("term", term.toString()).param("size", "2"))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
        mvc.perform(get(url()).param("term", term.toString()).param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].weekday").value("WEDNESDAY"));
    }

    @Test
    void anUnknownSchoolIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/schools/" + UUID.randomUUID() + "/offerings"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void badParametersAreAnsweredWithAProblemDetailNamingThem() throws Exception {
        mvc.perform(get(url()).param("term", "not-a-uuid").cookie(ENGLISH))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.parameter").value("term"))
                .andExpect(jsonPath("$.detail", containsString("must be a UUID")));
        mvc.perform(get(url()).param("grade", "12").cookie(ENGLISH))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("grade"))
                .andExpect(jsonPath("$.detail", containsString("from 1 to 9, not 12")));
        mvc.perform(get(url()).param("grade", "three"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("grade"));
        mvc.perform(get(url()).param("slot", "SLOT_9").cookie(ENGLISH))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("slot"))
                .andExpect(jsonPath("$.detail", containsString("SLOT_1, SLOT_2, EVENING")));
        mvc.perform(get(url()).param("slot", "SLOT_9"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("只能是以下之一")));
        mvc.perform(get(url()).param("size", "500"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("size"));
        mvc.perform(get("/api/v1/schools/nope/offerings"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("schoolId"));
    }

    @Test
    void theEndpointIsInTheOpenApiDocument() throws Exception {
        String document = mvc.perform(get("/api/v1/openapi").with(SignIn.as(demo.scope("JX-PS-ADMIN"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(document)
                .contains("/api/v1/schools/{schoolId}/offerings")
                .contains("\"term\"")
                .contains("\"grade\"")
                .contains("\"slot\"");
    }
}
