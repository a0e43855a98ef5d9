package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
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
import org.kehou.catalog.CatalogManagement.NewFeeNotice;
import org.kehou.catalog.CatalogManagement.NewOffering;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.ProviderKind;
import org.kehou.catalog.Slot;
import org.kehou.catalog.VenueKind;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.TermKind;
import org.kehou.platform.Ids;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A school's published fee notices (公示) are a public page (ENROL-5): without sign-in anyone reads each notice's
 * content, fee standard, what the fee covers, refund rule, payee and publication date; an unknown school is not
 * found.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicNoticeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    OrganizationManagement organization;

    UUID school;

    @BeforeAll
    void aNoticeOfAnInstitutionOffering() {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        school = admin.schoolId();
        UUID term = organization.planTerm(
                admin, school, 2072, TermKind.AUTUMN, LocalDate.of(2072, 9, 1), LocalDate.of(2073, 1, 15));
        UUID room = catalog.addVenue(admin, school, new NewVenue("公示测试室", VenueKind.LAB, 30));
        UUID robotics = catalog.defineCourse(
                admin,
                school,
                new NewCourse(
                        "公示机器人编程",
                        CourseCategory.SCIENCE_LITERACY,
                        ActivityKind.INTEREST_GROUP,
                        List.of(4, 5),
                        null,
                        null,
                        ProviderKind.INSTITUTION,
                        null,
                        List.of()));
        UUID offering = catalog.draftOffering(
                admin,
                school,
                new NewOffering(
                        robotics,
                        term,
                        DayOfWeek.FRIDAY,
                        Slot.SLOT_2,
                        room,
                        Set.of(Ids.next()),
                        20,
                        List.of(4, 5),
                        new BigDecimal("680"),
                        20,
                        null,
                        null,
                        null,
                        List.of()));
        catalog.publishFeeNotice(
                admin,
                offering,
                new NewFeeNotice(
                        "每周五第二时段机器人搭建与编程", "每学期680元，按学期收取", "授课、器材使用和耗材", "开课两周内退出全额退费，此后按未上课次数退费", "洛阳创客教育有限公司"));
    }

    @Test
    void anyoneReadsTheSchoolsPublishedNoticesWithoutSignIn() throws Exception {
        var response = mvc.perform(get("/public/schools/{id}/notices", school))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("公示机器人编程")
                .contains("每周五第二时段机器人搭建与编程")
                .contains("每学期680元，按学期收取")
                .contains("680.00 元")
                .contains("授课、器材使用和耗材")
                .contains("开课两周内退出全额退费")
                .contains("洛阳创客教育有限公司")
                .contains("公示日期：")
                .doesNotContain("id=\"sign-out\"");
    }

    @Test
    void anUnknownSchoolIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/public/schools/{id}/notices", UUID.randomUUID()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/public/schools/not-an-id/notices"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }
}
