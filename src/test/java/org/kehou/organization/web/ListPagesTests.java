package org.kehou.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Lists page, search and sort by allow-listed keys only; an empty result says so. */
@KehouTest
class ListPagesTests {

    static final Pattern STUDENT_LINK = Pattern.compile("href=\"/school/students/[0-9a-f-]{36}\">([^<]+)<");

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoFixtures demo;

    @Test
    void searchFindsStudentsByNameAndSaysWhenNothingMatches() throws Exception {
        String found = page("/school/students?q=李");
        assertThat(names(found)).isNotEmpty().allSatisfy(n -> assertThat(n).contains("李"));
        assertThat(found).doesNotContain("没有与");
        String none = page("/school/students?q=无此人");
        assertThat(names(none)).isEmpty();
        assertThat(none).contains("没有与“无此人”匹配的记录。");
    }

    @Test
    void sortsByAllowListedKeysAndIgnoresAnythingElse() throws Exception {
        List<String> byName = names(page("/school/students?sort=name"));
        List<String> byNameDesc = names(page("/school/students?sort=name&desc=true"));
        assertThat(byName).isSortedAccordingTo(String::compareTo);
        assertThat(byNameDesc).isSortedAccordingTo((a, b) -> b.compareTo(a));
        List<String> injected = names(page("/school/students?sort=name;drop%20table%20organization.student"));
        assertThat(injected).isEqualTo(byName);
        assertThat(demo.count("select count(*) from organization.student")).isGreaterThan(100);
    }

    @Test
    void pagesThroughTwentyAtATime() throws Exception {
        List<String> first = names(page("/school/students?page=0"));
        List<String> second = names(page("/school/students?page=1"));
        assertThat(first).hasSize(20);
        assertThat(second).hasSize(20).doesNotContainAnyElementsOf(first);
        assertThat(page("/school/students?page=9999")).contains("暂无记录。");
        assertThat(names(page("/school/students?page=-3"))).isEqualTo(first);
        assertThat(names(page("/school/students?page=abc&desc=maybe")))
                .as("malformed paging is the first page")
                .isEqualTo(first);
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(SignIn.as(demo.scope("JX-PS-ADMIN"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static List<String> names(String html) {
        Matcher m = STUDENT_LINK.matcher(html);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
