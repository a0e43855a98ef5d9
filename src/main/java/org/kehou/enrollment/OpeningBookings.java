package org.kehou.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.OpeningDirectory;
import org.kehou.catalog.OpeningDirectory.OpeningFacts;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.PupilContact;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.platform.AuditTrail;
import org.kehou.platform.AuditTrail.AuditEntry;
import org.kehou.platform.Ids;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.RecordRows;
import org.kehou.platform.UserScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings of openings of rooms and grounds on days without school (SCOPE-3). A guardian books their own child
 * (another family's child is not found) onto a published opening of the child's school; the place is claimed
 * atomically, never by counting first: the opening's place row grows only where it is below the capacity, in the
 * transaction that stores the booking, and a unique constraint on active bookings refuses a child twice, so a
 * concurrent duplicate rolls the whole booking back, place included. Cancelling frees the place. The school's admin
 * sees who booked each of its openings.
 */
@Service
public class OpeningBookings {

    private final OpeningDirectory openings;
    private final OrganizationQueries organization;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    OpeningBookings(
            OpeningDirectory openings,
            OrganizationQueries organization,
            AuditTrail audit,
            JdbcClient jdbc,
            Clock clock) {
        this.openings = openings;
        this.organization = organization;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Books the guardian's own child onto a published opening, as described on the class; returns the booking. */
    @Transactional
    public UUID book(UserScope scope, UUID openingId, UUID childId) {
        StudentRow child = ownChild(scope, childId);
        OpeningFacts opening = openings.opening(openingId)
                .filter(OpeningFacts::published)
                .orElseThrow(() -> new NotFoundException("opening"));
        LocalDate today = LocalDate.now(clock);
        BookingRule.check(opening.schoolId(), child.schoolId(), opening.onDate(), today);
        BookingRule.checkNotBooked(activeBooking(openingId, childId) != null);
        jdbc.sql("""
                        insert into enrollment.opening_seat (opening_id, county_id, school_id, capacity, taken)
                        values (:opening, :county, :school, :capacity, 0)
                        on conflict do nothing""")
                .param("opening", opening.id())
                .param("county", opening.countyId())
                .param("school", opening.schoolId())
                .param("capacity", opening.capacity())
                .update();
        BookingRule.checkPlace(jdbc.sql("""
                        update enrollment.opening_seat set taken = taken + 1
                        where opening_id = :opening and taken < capacity""").param("opening", opening.id()).update());
        UUID id = Ids.next();
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            jdbc.sql("""
                            insert into enrollment.opening_booking (id, version, county_id, school_id, opening_id,
                              child_id, guardian_id, account_id, status, active_opening_id, booked_at)
                            values (:id, 0, :county, :school, :opening, :child, :guardian, :account, 'BOOKED',
                              :opening, :now)""")
                    .param("id", id)
                    .param("county", opening.countyId())
                    .param("school", opening.schoolId())
                    .param("opening", opening.id())
                    .param("child", child.id())
                    .param("guardian", scope.guardianId())
                    .param("account", scope.accountId())
                    .param("now", now)
                    .update();
        } catch (DuplicateKeyException concurrent) {
            // the same child booked at the same moment elsewhere; this booking and its place roll back
            throw new org.kehou.platform.RuleViolation("booking.alreadyBooked");
        }
        event(id, "BOOKED", scope, now);
        audit.record(new AuditEntry(
                "opening.booked",
                "openingBooking",
                id,
                opening.countyId(),
                opening.schoolId(),
                null,
                Map.of("opening", opening.id(), "child", child.id())));
        return id;
    }

    /**
     * Cancels a booking of the guardian's own child up to the day before its opening, freeing the place; another
     * family's booking is not found, and cancelling again changes nothing. Returns whether it changed.
     */
    @Transactional
    public boolean cancel(UserScope scope, UUID bookingId) {
        record Found(UUID openingId, UUID childId, UUID countyId, UUID schoolId, String status) {}
        Found found = jdbc.sql("""
                        select opening_id, child_id, county_id, school_id, status from enrollment.opening_booking
                        where id = :id and guardian_id = cast(:guardian as uuid)""")
                .param("id", bookingId)
                .param("guardian", scope.guardianId())
                .query(RecordRows.of(Found.class))
                .optional()
                .orElseThrow(() -> new NotFoundException("booking"));
        jdbc.sql("select opening_id from enrollment.opening_seat where opening_id = :o for update")
                .param("o", found.openingId())
                .query(UUID.class)
                .list();
        String status = jdbc.sql("select status from enrollment.opening_booking where id = :id")
                .param("id", bookingId)
                .query(String.class)
                .single();
        if (!status.equals("BOOKED")) {
            return false;
        }
        OpeningFacts opening = openings.opening(found.openingId()).orElseThrow();
        BookingRule.checkCancellable(opening.onDate(), LocalDate.now(clock));
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("""
                        update enrollment.opening_booking
                        set status = 'CANCELLED', active_opening_id = null, cancelled_at = :now, version = version + 1
                        where id = :id""").param("now", now).param("id", bookingId).update();
        jdbc.sql("update enrollment.opening_seat set taken = taken - 1 where opening_id = :o")
                .param("o", found.openingId())
                .update();
        event(bookingId, "CANCELLED", scope, now);
        audit.record(new AuditEntry(
                "opening.bookingCancelled",
                "openingBooking",
                bookingId,
                found.countyId(),
                found.schoolId(),
                Map.of("status", "BOOKED"),
                Map.of("status", "CANCELLED")));
        return true;
    }

    /**
     * For each of the guardian's children, the published openings of the child's school from tomorrow on, with the
     * places left and the child's booking if any.
     */
    @Transactional(readOnly = true)
    public List<ChildOpenings> familyOpenings(UserScope scope) {
        LocalDate from = LocalDate.now(clock).plusDays(1);
        List<ChildOpenings> found = new ArrayList<>();
        Map<UUID, List<OpeningFacts>> bySchool = new LinkedHashMap<>();
        for (StudentRow child : organization.children(scope)) {
            List<OpeningFacts> published = bySchool.computeIfAbsent(child.schoolId(), s -> openings.published(s, from));
            Map<UUID, Integer> taken =
                    taken(published.stream().map(OpeningFacts::id).toList());
            List<OpeningChoice> choices = published.stream()
                    .map(o -> new OpeningChoice(
                            o,
                            Math.max(0, o.capacity() - taken.getOrDefault(o.id(), 0)),
                            activeBooking(o.id(), child.id())))
                    .toList();
            found.add(new ChildOpenings(child.id(), child.name(), choices));
        }
        return found;
    }

    /** The bookings of the guardian's own children, the coming openings first. */
    @Transactional(readOnly = true)
    public List<FamilyBooking> familyBookings(UserScope scope) {
        Map<UUID, StudentRow> children =
                organization.children(scope).stream().collect(Collectors.toMap(StudentRow::id, Function.identity()));
        if (children.isEmpty()) {
            return List.of();
        }
        record Line(UUID id, UUID openingId, UUID childId, String status, LocalDateTime bookedAt) {}
        List<Line> lines = jdbc.sql("""
                        select id, opening_id, child_id, status, booked_at from enrollment.opening_booking
                        where child_id in (:children) order by booked_at desc, id""")
                .param("children", List.copyOf(children.keySet()))
                .query(RecordRows.of(Line.class))
                .list();
        Map<UUID, OpeningFacts> byId = openings
                .openings(lines.stream().map(Line::openingId).toList())
                .stream()
                .collect(Collectors.toMap(OpeningFacts::id, Function.identity()));
        return lines.stream()
                .filter(l -> byId.containsKey(l.openingId()))
                .map(l -> new FamilyBooking(
                        l.id(),
                        l.childId(),
                        children.get(l.childId()).name(),
                        byId.get(l.openingId()),
                        l.status().equals("BOOKED"),
                        l.bookedAt()))
                .sorted(java.util.Comparator.comparing((FamilyBooking b) -> !b.active())
                        .thenComparing(b -> b.opening().onDate())
                        .thenComparing(b -> b.opening().startsAt()))
                .toList();
    }

    /** The published openings of the admin's own school from a day on, with how many are booked. */
    @Transactional(readOnly = true)
    public List<OpeningLoad> schoolOpenings(UserScope scope, LocalDate from) {
        UUID school = scope.schoolId();
        if (school == null || !scope.canManageSchool(school)) {
            throw new NotFoundException("school");
        }
        List<OpeningFacts> published = openings.published(school, from);
        Map<UUID, Integer> taken =
                taken(published.stream().map(OpeningFacts::id).toList());
        return published.stream()
                .map(o -> new OpeningLoad(o, taken.getOrDefault(o.id(), 0)))
                .toList();
    }

    /**
     * Who booked an opening of the admin's own school, by class and name, with the primary guardian's contact;
     * another school's opening is not found.
     */
    @Transactional(readOnly = true)
    public OpeningRoster bookings(UserScope scope, UUID openingId) {
        OpeningFacts opening = openings.opening(openingId)
                .filter(o -> scope.canManageSchool(o.schoolId()))
                .orElseThrow(() -> new NotFoundException("opening"));
        record Line(UUID id, UUID childId, LocalDateTime bookedAt) {}
        List<Line> lines = jdbc.sql("""
                        select id, child_id, booked_at from enrollment.opening_booking
                        where opening_id = :o and status = 'BOOKED' order by booked_at, id""")
                .param("o", openingId)
                .query(RecordRows.of(Line.class))
                .list();
        Map<UUID, Line> byChild = lines.stream().collect(Collectors.toMap(Line::childId, Function.identity()));
        List<BookedChild> children = organization.pupils(scope, opening.schoolId(), byChild.keySet()).stream()
                .map(p -> new BookedChild(
                        byChild.get(p.id()).id(), p, byChild.get(p.id()).bookedAt()))
                .toList();
        return new OpeningRoster(opening, children);
    }

    private StudentRow ownChild(UserScope scope, UUID childId) {
        return organization.children(scope).stream()
                .filter(c -> c.id().equals(childId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("child"));
    }

    private @Nullable UUID activeBooking(UUID openingId, UUID childId) {
        return jdbc.sql("""
                        select id from enrollment.opening_booking
                        where active_opening_id = :opening and child_id = :child""")
                .param("opening", openingId)
                .param("child", childId)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private Map<UUID, Integer> taken(List<UUID> openingIds) {
        if (openingIds.isEmpty()) {
            return Map.of();
        }
        record Taken(UUID openingId, int taken) {}
        return jdbc
                .sql("select opening_id, taken from enrollment.opening_seat where opening_id in (:ids)")
                .param("ids", openingIds)
                .query(RecordRows.of(Taken.class))
                .list()
                .stream()
                .collect(Collectors.toMap(Taken::openingId, Taken::taken));
    }

    private void event(UUID bookingId, String action, UserScope scope, LocalDateTime now) {
        jdbc.sql("""
                        insert into enrollment.opening_booking_event (booking_id, seq, county_id, school_id,
                          opening_id, child_id, action, actor, occurred_at)
                        select b.id,
                          (select coalesce(max(v.seq), 0) + 1 from enrollment.opening_booking_event v
                            where v.booking_id = b.id),
                          b.county_id, b.school_id, b.opening_id, b.child_id, :action, :actor, :now
                        from enrollment.opening_booking b where b.id = :id""")
                .param("id", bookingId)
                .param("action", action)
                .param("actor", scope.accountId().toString())
                .param("now", now)
                .update();
    }

    /** A child's choice of openings. */
    public record ChildOpenings(UUID childId, String childName, List<OpeningChoice> openings) {}

    /**
     * An opening a child may book.
     *
     * @param left places still free
     * @param bookingId the child's booking of it, if booked
     */
    public record OpeningChoice(
            OpeningFacts opening, int left, @Nullable UUID bookingId) {}

    /** A booking of one of the guardian's children. */
    public record FamilyBooking(
            UUID id, UUID childId, String childName, OpeningFacts opening, boolean active, LocalDateTime bookedAt) {}

    /** A published opening with the number of places booked. */
    public record OpeningLoad(OpeningFacts opening, int booked) {}

    /** Who booked an opening. */
    public record OpeningRoster(OpeningFacts opening, List<BookedChild> children) {}

    public record BookedChild(UUID bookingId, PupilContact child, LocalDateTime bookedAt) {}
}
