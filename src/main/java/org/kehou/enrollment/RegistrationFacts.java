package org.kehou.enrollment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.OfferingDirectory;
import org.kehou.catalog.OfferingDirectory.OfferingFacts;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.OrganizationQueries.StudentRow;
import org.kehou.organization.TermDirectory;
import org.kehou.organization.TermDirectory.TermFacts;
import org.kehou.organization.TermKind;
import org.kehou.platform.ExpiringCache;
import org.kehou.platform.UserScope;
import org.springframework.stereotype.Component;

/**
 * What every registration attempt checks before its claim, kept in memory for a few seconds so that a rush asks the
 * database only for the claim itself: a guardian's children, an offering's facts, a term, a school's windows and
 * which offerings already have seat rows. A change elsewhere (a child linked, an offering cancelled, a window opened
 * on another instance) takes effect within the entry's lifetime; windows opened here take effect at once.
 */
@Component
class RegistrationFacts {

    static final Duration CHILDREN = Duration.ofSeconds(30);
    static final Duration OFFERINGS = Duration.ofSeconds(10);
    static final Duration TERMS = Duration.ofMinutes(5);
    static final Duration WINDOWS = Duration.ofSeconds(5);
    static final Duration SEATS = Duration.ofMinutes(10);

    private final OrganizationQueries organization;
    private final TermDirectory termDirectory;
    private final OfferingDirectory offeringDirectory;
    private final RegistrationWindowRepository windowRepository;

    private final ExpiringCache<UUID, Map<UUID, StudentRow>> children = new ExpiringCache<>(CHILDREN, 200_000);
    private final ExpiringCache<UUID, OfferingFacts> offerings = new ExpiringCache<>(OFFERINGS, 100_000);
    private final ExpiringCache<UUID, TermFacts> terms = new ExpiringCache<>(TERMS, 50_000);
    private final ExpiringCache<WindowKey, List<RegistrationWindow>> windows = new ExpiringCache<>(WINDOWS, 50_000);
    private final ExpiringCache<UUID, Boolean> seats = new ExpiringCache<>(SEATS, 100_000);

    RegistrationFacts(
            OrganizationQueries organization,
            TermDirectory termDirectory,
            OfferingDirectory offeringDirectory,
            RegistrationWindowRepository windowRepository) {
        this.organization = organization;
        this.termDirectory = termDirectory;
        this.offeringDirectory = offeringDirectory;
        this.windowRepository = windowRepository;
    }

    /** The guardian's own child of that id, or null when it is not theirs. */
    @Nullable
    StudentRow child(UserScope guardian, UUID childId) {
        return children(guardian).get(childId);
    }

    /** The guardian's own children by id. */
    Map<UUID, StudentRow> children(UserScope guardian) {
        if (guardian.guardianId() == null) {
            return Map.of();
        }
        Map<UUID, StudentRow> own = children.get(
                guardian.guardianId(),
                g -> organization.children(guardian).stream()
                        .collect(Collectors.toUnmodifiableMap(StudentRow::id, Function.identity())));
        return own == null ? Map.of() : own;
    }

    @Nullable
    OfferingFacts offering(UUID offeringId) {
        return offerings.get(offeringId, id -> offeringDirectory.offering(id).orElse(null));
    }

    @Nullable
    TermFacts term(UUID termId) {
        return terms.get(termId, id -> termDirectory.term(id).orElse(null));
    }

    /** The windows of the school's county and of the school itself for the term's year and kind. */
    List<RegistrationWindow> windows(UUID countyId, UUID schoolId, int schoolYear, TermKind kind) {
        List<RegistrationWindow> found = windows.get(
                new WindowKey(countyId, schoolId, schoolYear, kind),
                k -> windowRepository.findByCountyIdAndSchoolYearAndTermKind(countyId, schoolYear, kind).stream()
                        .filter(w -> w.schoolId() == null || w.schoolId().equals(schoolId))
                        .toList());
        return found == null ? List.of() : found;
    }

    /** Forgets every window, so one just opened takes effect on the next attempt. */
    void windowsChanged() {
        windows.clear();
    }

    boolean hasSeat(UUID offeringId) {
        return seats.get(offeringId, id -> null) != null;
    }

    void seatExists(UUID offeringId) {
        seats.put(offeringId, Boolean.TRUE);
    }

    private record WindowKey(UUID countyId, UUID schoolId, int schoolYear, TermKind kind) {}
}
