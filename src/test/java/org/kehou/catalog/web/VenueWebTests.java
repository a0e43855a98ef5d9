package org.kehou.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The school's venues (CONTENT-6, COURSE-3): an added venue is listed with its kind and capacity; a taken name, a
 * capacity below 1 or above what a school holds and an unknown kind are refused beside their field in the user's
 * language, and nothing is stored.
 */
@KehouTest
class VenueWebTests {

    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    UserScope admin() {
        return demo.scope("JX-PS-ADMIN");
    }

    @Test
    void anAddedVenueIsListedWithItsKindAndCapacity() throws Exception {
        String name = "网页场地实验室" + SEQUENCE.incrementAndGet();
        var response = mvc.perform(venue(name, "LAB", "45").with(csrf()).with(SignIn.as(admin())))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/school/venues");
        var stored = jdbc.sql("select id, kind, capacity, school_id from catalog.venue where name = :name")
                .param("name", name)
                .query((rs, n) -> new Object[] {
                    rs.getString("id"), rs.getString("kind"), rs.getInt("capacity"), rs.getString("school_id")
                })
                .single();
        assertThat(stored[1]).isEqualTo("LAB");
        assertThat(stored[2]).isEqualTo(45);
        assertThat(stored[3]).isEqualTo(admin().schoolId().toString());

        String page = mvc.perform(get("/school/venues").with(SignIn.as(admin())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String row = page.substring(
                page.indexOf("id=\"venue-" + stored[0] + "\""), page.indexOf("</tr>", page.indexOf(name)));
        assertThat(row).contains(name).contains("实验室").contains("45 人");
    }

    @Test
    void aTakenNameIsRefusedBesideTheNameInBothLanguages() throws Exception {
        String name = "网页重名场地" + SEQUENCE.incrementAndGet();
        mvc.perform(venue(name, "CLASSROOM", "40").with(csrf()).with(SignIn.as(admin())));
        assertRefused(venue(name, "GYM", "100"), null, "name", "本校已有同名场地，请换一个名称。");
        assertRefused(
                venue(name, "GYM", "100"),
                "en",
                "name",
                "This school already has a venue of that name; choose another name.");
    }

    @Test
    void aCapacityBelowOneOrAboveWhatASchoolHoldsIsRefused() throws Exception {
        String name = "网页容量场地" + SEQUENCE.incrementAndGet();
        assertRefused(venue(name, "LAB", "0"), null, "capacity", "场地容量至少为 1 人。");
        assertRefused(venue(name, "LAB", "0"), "en", "capacity", "A venue holds at least 1 person.");
        assertRefused(venue(name, "SPORTS_GROUND", "5001"), null, "capacity", "场地容量不能超过 5000 人。");
        assertRefused(venue(name, "SPORTS_GROUND", "5001"), "en", "capacity", "A venue holds at most 5000 people.");
        assertRefused(venue(name, "LAB", "abc"), null, "capacity", "请输入数字。");
    }

    @Test
    void anUnknownKindIsRefusedBesideTheKind() throws Exception {
        String name = "网页类型场地" + SEQUENCE.incrementAndGet();
        assertRefused(venue(name, "SPACESHIP", "40"), null, "kind", "请从列表中选择场地类型。");
        assertRefused(venue(name, "SPACESHIP", "40"), "en", "kind", "Choose a kind of venue from the list.");
        assertRefused(venue(name, "", "40"), null, "kind", "此项必填。");
    }

    @Test
    void anEmptyFormNamesEachRequiredField() throws Exception {
        String page = assertRefused(post("/school/venues"), null, "name", "此项必填。");
        assertBeside(page, "kind", "此项必填。");
        assertBeside(page, "capacity", "此项必填。");
        String english = assertRefused(post("/school/venues"), "en", "name", "This is required.");
        assertBeside(english, "capacity", "This is required.");
    }

    private static MockHttpServletRequestBuilder venue(String name, String kind, String capacity) {
        return post("/school/venues").param("name", name).param("kind", kind).param("capacity", capacity);
    }

    private String assertRefused(MockHttpServletRequestBuilder request, String language, String field, String message)
            throws Exception {
        long before = venues();
        request.with(csrf()).with(SignIn.as(admin()));
        if (language != null) {
            request.cookie(new Cookie("kehou-lang", language));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String page = response.getContentAsString();
        assertThat(response.getStatus()).as(message).isEqualTo(200);
        assertThat(page).as(message).doesNotContain("Exception");
        assertBeside(page, field, message);
        assertThat(venues()).as("nothing stored for: " + message).isEqualTo(before);
        return page;
    }

    /** The message is in the error shown right after the field with this id. */
    static void assertBeside(String page, String field, String message) {
        Pattern beside =
                Pattern.compile("(?s)id=\"" + field + "\".*?<div class=\"invalid-feedback[^\"]*\">([^<]*)</div>");
        var matcher = beside.matcher(page);
        assertThat(matcher.find()).as("an error beside " + field).isTrue();
        assertThat(matcher.group(1)).as("the error beside " + field).contains(message);
    }

    private long venues() {
        return jdbc.sql("select count(*) from catalog.venue").query(Long.class).single();
    }
}
