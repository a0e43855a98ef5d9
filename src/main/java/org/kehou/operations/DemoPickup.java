package org.kehou.operations;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import javax.imageio.ImageIO;
import org.kehou.operations.PickupManagement.NewPickupPerson;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.ClassSummary;
import org.kehou.organization.OrganizationQueries.GuardianOfStudent;
import org.kehou.organization.OrganizationQueries.SchoolSummary;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.platform.Ids;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.PageQuery;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives some demo children the people their guardians authorise to collect them (OPS-2), so that the hand-over at
 * the gate can be tried without first signing in as a guardian: in every class of the demo schools, the first
 * {@link #PER_CLASS} children by name get one authorised person with a photo, and in grades 5 and up the first
 * child also has the standing consent to go home alone. Each is authorised through {@link PickupManagement} in the
 * name of the child's first guardian, as a guardian would. The children of the demo guardian's login are left out,
 * so that trying the guardian's page with that login starts from nothing.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "kehou.demo.enabled", havingValue = "true")
class DemoPickup implements ApplicationRunner {

    /** The demo guardian's login, whose children get no one. */
    static final String DEMO_GUARDIAN_MOBILE = "19900000001";

    /** How many children of each class get an authorised person. */
    static final int PER_CLASS = 3;

    /** The people, in turn: a name, the relation and the last digits of a made-up mobile number. */
    private static final List<Person> PEOPLE = List.of(
            new Person("王外婆", PickupRelation.GRANDPARENT),
            new Person("李爷爷", PickupRelation.GRANDPARENT),
            new Person("张阿姨", PickupRelation.NANNY),
            new Person("陈舅舅", PickupRelation.RELATIVE),
            new Person("刘叔叔", PickupRelation.NEIGHBOUR));

    private static final Color[] COLOURS = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xB07AA1), new Color(0x76B7B2)
    };

    private static final Logger log = LoggerFactory.getLogger(DemoPickup.class);

    private final PickupManagement pickup;
    private final OrganizationQueries organization;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoPickup(PickupManagement pickup, OrganizationQueries organization, JdbcClient jdbc, TransactionTemplate tx) {
        this.pickup = pickup;
        this.organization = organization;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        long existing = jdbc.sql("select count(*) from operations.pickup_arrangement")
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        List<SchoolSummary> schools = organization.demoSchools();
        int authorised = 0;
        for (SchoolSummary school : schools) {
            Integer count = tx.execute(status -> populate(school));
            authorised += count == null ? 0 : count;
        }
        if (authorised > 0) {
            log.info("Demo authorised pickup persons created: {}", authorised);
        }
    }

    private int populate(SchoolSummary school) {
        UserScope admin = new UserScope(
                Ids.next(), "demo", EnumSet.of(Role.SCHOOL_ADMIN), school.countyId(), school.id(), null, null, null);
        int authorised = 0;
        int n = 0;
        for (ClassSummary schoolClass : organization.classes(admin, school.id())) {
            List<StudentRow> children = organization
                    .studentsOfClass(admin, schoolClass.id(), new PageQuery(0, 50, "name", false, ""))
                    .items();
            int given = 0;
            for (StudentRow child : children) {
                if (given == PER_CLASS) {
                    break;
                }
                List<GuardianOfStudent> guardians =
                        organization.student(admin, child.id()).guardians();
                if (guardians.isEmpty()
                        || guardians.stream().anyMatch(g -> g.mobile().equals(DEMO_GUARDIAN_MOBILE))) {
                    continue;
                }
                GuardianOfStudent guardian = guardians.getFirst();
                UserScope family = new UserScope(
                        Ids.next(),
                        guardian.name(),
                        EnumSet.of(Role.GUARDIAN),
                        school.countyId(),
                        null,
                        null,
                        guardian.guardianId(),
                        null);
                Person person = PEOPLE.get(n % PEOPLE.size());
                pickup.authorise(
                        family,
                        child.id(),
                        new NewPickupPerson(
                                person.name(),
                                person.relation(),
                                MobileNumber.of("1990000" + String.format("%04d", 5000 + n % 5000)),
                                photo(n)));
                if (given == 0 && schoolClass.gradeLevel() >= 5) {
                    pickup.consentToGoingAlone(family, child.id(), true);
                }
                given++;
                n++;
                authorised++;
            }
        }
        return authorised;
    }

    /** A small made-up portrait: a head and shoulders on a coloured ground, never a real face. */
    static byte[] photo(int n) {
        BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(COLOURS[n % COLOURS.length]);
            g.fillRect(0, 0, 96, 96);
            g.setColor(new Color(0xF5E6D3));
            g.fillOval(30, 14, 36, 40);
            g.fillRoundRect(14, 60, 68, 50, 30, 30);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Person(String name, PickupRelation relation) {}
}
