package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kehou.platform.UserScope;
import org.kehou.support.DemoFixtures;
import org.kehou.support.KehouTest;
import org.kehou.support.SignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The demo city comes with people authorised to collect some children (OPS-2), so that a hand-over can be tried at
 * once: the demo teacher's class has a few, each with a photo, shown on the buttons at the gate; older grades have a
 * child allowed to go home alone; the demo guardian's own children have no one, for their guardian to add.
 */
@KehouTest
class DemoPickupTests {

    @Autowired
    DemoFixtures demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void theDemoTeachersClassHasAuthorisedPeopleWithPhotos() throws Exception {
        UserScope teacher = demo.scope("JX-PS-T01");
        UUID classId = jdbc.sql("select id from organization.school_class where head_teacher_id = :t")
                .param("t", teacher.staffId())
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("""
                        select count(distinct p.person_id) from operations.pickup_person p
                        join operations.pickup_arrangement a on a.id = p.arrangement_id
                        join organization.student s on s.id = a.student_id
                        where s.class_id = :c and p.photo_id is not null""").param("c", classId).query(Long.class).single())
                .isGreaterThanOrEqualTo(DemoPickup.PER_CLASS);

        String page = mvc.perform(MockMvcRequestBuilders.get("/teacher/pickup?service=SLOT_1")
                        .with(SignIn.as(teacher)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("交给 王外婆").contains("src=\"/photos/");
    }

    @Test
    void olderGradesHaveAChildAllowedHomeAloneAndTheDemoGuardiansChildrenHaveNoOne() {
        assertThat(demo.count("""
                        select count(*) from operations.pickup_arrangement a
                        join organization.student s on s.id = a.student_id
                        join organization.school_class c on c.id = s.class_id
                        where a.alone_consent and c.grade_level >= 5""")).isPositive();
        assertThat(demo.count("""
                        select count(*) from operations.pickup_person p
                        join operations.pickup_arrangement a on a.id = p.arrangement_id
                        where p.mobile like '19900005%'
                          and a.student_id in (select sg.student_id from organization.student_guardian sg
                            join organization.guardian g on g.id = sg.guardian_id where g.mobile = '19900000001')""")).isZero();
    }

    @Test
    void aDemoPhotoIsAPng() {
        byte[] photo = DemoPickup.photo(3);
        assertThat(photo).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
