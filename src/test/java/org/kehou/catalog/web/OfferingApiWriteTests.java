package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewCourse;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The write API of a school's catalog (COURSE-1, COURSE-2, CONTENT-1): its admin adds a course and drafts an
 * offering (201 with the id and a Location); a body that declares a dependency on another item, in a requires list
 * or in any property of its own, is refused with 422 naming the CONTENT-1 message in the caller's language, as is
 * every other rule's refusal; a malformed body, a value of the wrong type, a missing field or an unknown property
 * gives 400; another school's id 404; a caller who is not signed in 401. A refused write stores nothing.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferingApiWriteTests {

    static final String BUNDLING_ZH = "课后服务项目不得捆绑：每个项目都须单独报名，请去掉对其他项目的依赖。";
    static final String BUNDLING_EN = "After-school items may not be bundled";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    OrganizationManagement organization;

    UserScope admin;
    UUID school;
    UUID term;
    UUID venue;
    UUID teacher;
    UUID course;

    @BeforeAll
    void aTermOfTheSchoolsOwn() {
        admin = demo.scope("JX-PS-ADMIN");
        school = admin.schoolId();
        term = organization.planTerm(
                admin, school, 2089, TermKind.AUTUMN, LocalDate.of(2089, 9, 1), LocalDate.of(2090, 1, 18));
        venue = catalog.addVenue(admin, school, new NewVenue("接口写入教室", VenueKind.CLASSROOM, 40));
        teacher = organization.addStaff(
                admin, school, new NewStaff("API-W1", "接口写入老师", null, StaffPosition.TEACHER, null));
        course = catalog.defineCourse(
                admin,
                school,
                new NewCourse(
                        "接口写入围棋",
                        CourseCategory.TRADITIONAL_CULTURE,
                        null,
                        List.of(3, 4),
                        null,
                        null,
                        ProviderKind.STAFF,
                        null,
                        List.of()));
    }

    @Test
    void theSchoolsAdminAddsACourseAndDraftsAnOffering() throws Exception {
        String created = send("courses", courseBody("接口写入象棋", ""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/schools/" + school + "/courses/")))
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID id = UUID.fromString(created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        assertThat(count("select count(*) from catalog.course where id = '" + id + "' and name = '接口写入象棋'"))
                .isEqualTo(1);

        String offering = send("offerings", offeringBody("\"weekday\": \"MONDAY\""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/schools/" + school + "/offerings/")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID drafted = UUID.fromString(offering.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
        assertThat(jdbc.sql("select state from catalog.offering where id = :id")
                        .param("id", drafted)
                        .query(String.class)
                        .single())
                .isEqualTo("DRAFT");
    }

    @Test
    void aDeclaredDependencyIsRefusedWithTheNoBundlingMessage() throws Exception {
        long before = stored();
        send("courses", courseBody("接口写入捆绑", ", \"requires\": [\"" + course + "\"]"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.rule").value("bundling.refused"))
                .andExpect(jsonPath("$.detail").value(BUNDLING_ZH));
        send("offerings", offeringBody("\"requires\": [\"" + UUID.randomUUID() + "\"]"), "en")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString(BUNDLING_EN)));
        send("offerings", offeringBody("\"prerequisiteOfferingId\": \"" + UUID.randomUUID() + "\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(BUNDLING_ZH));
        for (String sneaked : List.of("\"package\": \"秋季套餐\"", "\"bundleWith\": []", "\"dependsOn\": null")) {
            send("courses", courseBody("接口写入套餐", ", " + sneaked))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.rule").value("bundling.refused"));
        }
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void everyOtherRulesRefusalIsA422WithItsMessage() throws Exception {
        long before = stored();
        send("offerings", offeringBody("\"slot\": \"SLOT_1\", \"slotOneContent\": \"NEW_LESSON\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rule").value("slotOne.newLessonRefused"))
                .andExpect(jsonPath("$.detail").value("第一时段不得讲授新课，请改为自主作业、答疑等课业辅导内容。"));
        send("offerings", offeringBody("\"fee\": 300"), "en")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("Only an offering of a training institution")));
        send("courses", courseBody("接口写入围棋", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("本校课程体系中已有同名课程，请换一个名称。"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aMalformedBodyOrAnUnknownPropertyIsABadRequest() throws Exception {
        long before = stored();
        send("courses", "{\"name\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("请求内容不是有效的 JSON。"));
        send("offerings", offeringBody("\"capacity\": \"many\""), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("capacity"))
                .andExpect(jsonPath("$.detail").value("The value of field capacity is not valid."));
        send("offerings", offeringBody("\"weekday\": \"FUNDAY\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("weekday"));
        send("offerings", offeringBody("\"courseId\": \"not-an-id\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("courseId"));
        send("courses", "{\"category\": \"SCHOOL_BASED\", \"grades\": [3], \"providerKind\": \"STAFF\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail").value("字段 name：此项必填。"));
        send("courses", courseBody("<b>粗体</b>", ""), "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"))
                .andExpect(jsonPath("$.detail", endsWith("Must not contain < > \" ' & or line breaks.")));
        send("courses", courseBody("接口写入颜色", ", \"colour\": \"red\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("colour"))
                .andExpect(jsonPath("$.detail", containsString("colour")));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anotherSchoolIsNotFoundAndOnlyItsAdminWrites() throws Exception {
        long before = stored();
        mvc.perform(post("/api/v1/schools/{id}/courses", demo.school("LL-PS"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(courseBody("接口写入越界", ""))
                        .with(csrf())
                        .with(SignIn.as(admin)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/schools/{id}/offerings", school)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(offeringBody("\"weekday\": \"TUESDAY\""))
                        .with(csrf())
                        .with(SignIn.as(demo.scope("JX-PS-T01"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/schools/{id}/courses", school)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(courseBody("接口写入匿名", ""))
                        .with(csrf()))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/schools/{id}/courses", school)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(courseBody("接口写入无令牌", ""))
                        .with(SignIn.as(admin)))
                .andExpect(status().isForbidden());
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theWritesAreInTheOpenApiDocument() throws Exception {
        String document = mvc.perform(get("/api/v1/openapi").with(SignIn.as(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(document)
                .contains("/api/v1/schools/{schoolId}/courses")
                .contains("Draft an offering of a course in a term")
                .contains("CourseRequest")
                .contains("OfferingRequest")
                .contains("\"requires\"")
                .doesNotContain("\"unknown\"");
    }

    private ResultActions send(String what, String body) throws Exception {
        return send(what, body, null);
    }

    private ResultActions send(String what, String body, String language) throws Exception {
        var request = post("/api/v1/schools/{id}/" + what, school)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(csrf())
                .with(SignIn.as(admin));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return mvc.perform(request);
    }

    private static String courseBody(String name, String extra) {
        return """
                {"name": "%s", "category": "SCHOOL_BASED", "grades": [3, 4], "providerKind": "STAFF"%s}""".formatted(name.replace("\"", "\\\""), extra);
    }

    /** A slot-2 offering of the school's go course on Wednesdays; {@code override} replaces or adds properties. */
    private String offeringBody(String override) {
        var values = new java.util.LinkedHashMap<String, String>();
        values.put("courseId", "\"" + course + "\"");
        values.put("termId", "\"" + term + "\"");
        values.put("weekday", "\"WEDNESDAY\"");
        values.put("slot", "\"SLOT_2\"");
        values.put("venueId", "\"" + venue + "\"");
        values.put("instructors", "[\"" + teacher + "\"]");
        values.put("capacity", "30");
        values.put("grades", "[3]");
        values.put("exerciseMinutes", "20");
        for (String pair : override.split(",\\s*(?=\")")) {
            int colon = pair.indexOf(':');
            values.put(
                    pair.substring(0, colon).strip().replace("\"", ""),
                    pair.substring(colon + 1).strip());
        }
        StringBuilder json = new StringBuilder("{");
        values.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "")
                .append('"')
                .append(k)
                .append("\": ")
                .append(v));
        return json.append('}').toString();
    }

    private long stored() {
        return count("select (select count(*) from catalog.course) * 1000 + (select count(*) from catalog.offering)");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
