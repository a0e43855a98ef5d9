package org.kehou.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kehou.catalog.CatalogManagement;
import org.kehou.enrollment.EnrollmentFixtures;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.enrollment.EnrollmentManagement;
import org.kehou.organization.OrganizationManagement;
import org.kehou.platform.AccountManagement;
import org.kehou.platform.Notifications;
import org.kehou.platform.Notifications.NewNotification;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A guardian's in-app inbox: opening a message marks it read, so the unread count in the shell drops, and follows its
 * link when that stays inside the application; another guardian's message is not found and stays unread.
 */
@KehouTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Autowired
    OrganizationManagement organization;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    EnrollmentManagement enrollment;

    @Autowired
    AccountManagement accounts;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    UserScope guardian;
    UserScope otherGuardian;
    UserScope thirdGuardian;

    @BeforeAll
    void guardians() {
        var fixtures = new EnrollmentFixtures(organization, catalog, enrollment, accounts, clock);
        Campus campus = fixtures.campus(demo.scope("LY-JX-ADMIN"));
        guardian = fixtures.account(fixtures.family(campus, 3, 1));
        otherGuardian = fixtures.account(fixtures.family(campus, 3, 1));
        thirdGuardian = fixtures.account(fixtures.family(campus, 3, 1));
    }

    @Test
    void openingAMessageMarksItReadLowersTheUnreadCountAndFollowsItsLink() throws Exception {
        UUID first = send(guardian, "/guardian/registrations");
        UUID second = send(guardian, "/guardian/registration");
        assertThat(page(get("/inbox"), guardian))
                .contains("id=\"unread\">2<")
                .contains("id=\"open-" + first + "\"")
                .contains("/inbox/" + first + "/open");
        assertThat(page(get("/inbox").header(Htmx.HEADER, "true"), guardian))
                .doesNotContain("<html")
                .contains("id=\"open-" + second + "\"");

        MockHttpServletResponse opened = perform(post("/inbox/{id}/open", first), guardian);

        assertThat(opened.getRedirectedUrl()).isEqualTo("/guardian/registrations");
        assertThat(isRead(first)).isTrue();
        assertThat(isRead(second)).isFalse();
        assertThat(notifications.unread(guardian)).isEqualTo(1);
        String inbox = page(get("/inbox"), guardian);
        assertThat(inbox)
                .contains("id=\"unread\">1<")
                .contains("gap-2\" id=\"notification-" + first + "\"")
                .contains("list-group-item-primary\" id=\"notification-" + second + "\"");
        assertThat(page(get("/inbox").cookie(new Cookie("kehou-lang", "en")), guardian))
                .contains("id=\"open-" + second + "\"")
                .contains(">Open<");

        assertThat(perform(post("/inbox/{id}/open", first), guardian).getRedirectedUrl())
                .as("opening it again changes nothing and still follows the link")
                .isEqualTo("/guardian/registrations");
        assertThat(notifications.unread(guardian)).isEqualTo(1);
    }

    @Test
    void anotherGuardiansMessageIsNotFoundAndStaysUnread() throws Exception {
        UUID theirs = send(otherGuardian, "/guardian/registrations");
        long before = notifications.unread(otherGuardian);

        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
            post("/inbox/{id}/open", theirs),
            post("/inbox/{id}/read", theirs),
            post("/inbox/{id}/open", UUID.randomUUID()),
            post("/inbox/{id}/open", "abc")
        }) {
            MockHttpServletResponse response = perform(request, guardian);
            assertThat(response.getStatus()).as(request.toString()).isEqualTo(404);
            assertThat(response.getContentAsString()).doesNotContain("Exception");
        }
        assertThat(isRead(theirs)).isFalse();
        assertThat(notifications.unread(otherGuardian)).isEqualTo(before);
        assertThat(page(get("/inbox"), otherGuardian)).contains("id=\"open-" + theirs + "\"");
    }

    @Test
    void aMessageWithoutALinkOrWithOneToAnotherSiteIsMarkedReadAndTheInboxShownAgain() throws Exception {
        for (String link : new String[] {null, "https://example.org/", "//example.org/", "/\\example.org/"}) {
            UUID id = send(thirdGuardian, link);
            assertThat(perform(post("/inbox/{id}/open", id), thirdGuardian).getRedirectedUrl())
                    .as(String.valueOf(link))
                    .isEqualTo("/inbox");
            assertThat(isRead(id)).isTrue();
        }
    }

    private UUID send(UserScope to, @Nullable String link) {
        return tx.execute(status -> notifications.send(
                new NewNotification(to.accountId(), null, null, "test", "pager.status", List.of("1", "1", "1"), link)));
    }

    private boolean isRead(UUID id) {
        return jdbc.sql("select read_at is not null from platform.notification where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, UserScope caller) throws Exception {
        request.with(csrf()).with(SignIn.as(caller));
        return mvc.perform(request).andReturn().getResponse();
    }

    private String page(MockHttpServletRequestBuilder request, UserScope caller) throws Exception {
        MockHttpServletResponse response = perform(request, caller);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat(body).doesNotContain("Exception");
        return body;
    }
}
