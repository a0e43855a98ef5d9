package org.kehou.enrollment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogManagement.NewOpening;
import org.kehou.catalog.CatalogManagement.NewVenue;
import org.kehou.catalog.OpeningPurpose;
import org.kehou.catalog.VenueKind;
import org.kehou.enrollment.EnrollmentFixtures.Campus;
import org.kehou.organization.OrganizationManagement;
import org.kehou.organization.OrganizationManagement.NewStaff;
import org.kehou.organization.StaffPosition;

/** Published openings of a campus on a Saturday of its term, for the bookings (SCOPE-3). */
public final class BookingFixtures {

    private final OrganizationManagement organization;
    private final CatalogManagement catalog;

    public BookingFixtures(OrganizationManagement organization, CatalogManagement catalog) {
        this.organization = organization;
        this.catalog = catalog;
    }

    /** A published opening of a venue of its own, supervised by a teacher of its own, on the term's n-th Saturday. */
    public UUID opening(Campus campus, int capacity, int saturday) {
        int n = EnrollmentFixtures.next();
        UUID venue = catalog.addVenue(
                campus.admin(), campus.schoolId(), new NewVenue("开放测试室" + n, VenueKind.SPORTS_GROUND, 200));
        UUID supervisor = organization.addStaff(
                campus.admin(),
                campus.schoolId(),
                new NewStaff("BKG-T" + n, "开放测试老师", null, StaffPosition.TEACHER, null));
        UUID opening = catalog.planOpening(
                campus.admin(),
                campus.schoolId(),
                new NewOpening(
                        venue,
                        day(campus, saturday),
                        LocalTime.of(9, 0),
                        LocalTime.of(11, 0),
                        capacity,
                        OpeningPurpose.ENRICHMENT,
                        List.of(supervisor)));
        catalog.publishOpening(campus.admin(), opening);
        return opening;
    }

    /** The n-th Saturday (from 1) of the campus's autumn term. */
    public static LocalDate day(Campus campus, int saturday) {
        LocalDate first = LocalDate.of(campus.schoolYear(), 9, 1);
        while (first.getDayOfWeek() != DayOfWeek.SATURDAY) {
            first = first.plusDays(1);
        }
        return first.plusWeeks(saturday - 1L);
    }
}
