package org.kehou.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The navigation of the shell follows the role (SCOPE-1, SCOPE-2): a teacher reaches the early-arrival check-in and
 * the extended-care check-out from every page, a guardian does not see them; the school admin reaches the school's
 * check-in beside the early-arrival list; an htmx request gets no shell.
 */
@KehouTest
class NavigationWebTests {

    static final String EARLY = "href=\"/teacher/early-arrivals\"";
    static final String EXTENDED = "href=\"/teacher/extended-care\"";
    static final String SCHOOL_CHECK_IN = "href=\"/school/arrivals\"";
    static final String SCHOOL_LIST = "href=\"/school/early-arrivals\"";

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Test
    void aTeacherSeesTheEarlyArrivalAndExtendedCareLinksInBothLanguages() throws Exception {
        UserScope teacher = demo.scope("JX-PS-T01");
        assertThat(page(get("/inbox"), teacher)).contains(EARLY + ">早到签到<").contains(EXTENDED + ">延时托管交接<");
        assertThat(page(get("/inbox").cookie(new Cookie("kehou-lang", "en")), teacher))
                .contains(EARLY + ">Early-arrival check-in<")
                .contains(EXTENDED + ">Extended-care check-out<");
        assertThat(page(get("/teacher/early-arrivals"), teacher))
                .contains("class=\"nav-link active\" " + EARLY)
                .doesNotContain("class=\"nav-link active\" " + EXTENDED);
        assertThat(page(get("/teacher/extended-care"), teacher)).contains("class=\"nav-link active\" " + EXTENDED);
        assertThat(page(get("/teacher/early-arrivals").header(Htmx.HEADER, "true"), teacher))
                .doesNotContain("<html")
                .doesNotContain(EARLY);
    }

    @Test
    void aGuardianOrASchoolAdminDoesNotSeeTheTeachersLinks() throws Exception {
        for (String login : new String[] {"19900000001", "JX-PS-ADMIN"}) {
            String home = page(get("/inbox"), demo.scope(login));
            assertThat(home)
                    .as(login)
                    .contains("id=\"mainNav\"")
                    .doesNotContain(EARLY)
                    .doesNotContain(EXTENDED);
        }
    }

    @Test
    void aSchoolAdminReachesTheCheckInBesideTheEarlyArrivalListInBothLanguages() throws Exception {
        UserScope admin = demo.scope("JX-PS-ADMIN");
        assertThat(page(get("/inbox"), admin)).contains(SCHOOL_LIST + ">早到名单<").contains(SCHOOL_CHECK_IN + ">早到签到<");
        assertThat(page(get("/inbox").cookie(new Cookie("kehou-lang", "en")), admin))
                .contains(SCHOOL_CHECK_IN + ">Early-arrival check-in<");
        assertThat(page(get("/school/arrivals"), admin))
                .contains("class=\"nav-link active\" " + SCHOOL_CHECK_IN)
                .doesNotContain("class=\"nav-link active\" " + SCHOOL_LIST);
        assertThat(page(get("/school/early-arrivals"), admin))
                .contains("class=\"nav-link active\" " + SCHOOL_LIST)
                .doesNotContain("class=\"nav-link active\" " + SCHOOL_CHECK_IN);
        assertThat(page(get("/school/arrivals").header(Htmx.HEADER, "true"), admin))
                .doesNotContain("<html")
                .doesNotContain(SCHOOL_CHECK_IN);
        for (String login : new String[] {"19900000001", "JX-PS-T01"}) {
            assertThat(page(get("/inbox"), demo.scope(login))).as(login).doesNotContain(SCHOOL_CHECK_IN);
        }
    }

    private String page(MockHttpServletRequestBuilder request, UserScope caller) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(SignIn.as(caller))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat(body).doesNotContain("Exception");
        return body;
    }
}
