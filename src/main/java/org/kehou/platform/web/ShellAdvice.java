package org.kehou.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.Notifications;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.kehou.platform.internal.ScopeArgumentResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user, their unread notifications and their role's navigation into every page's model. REST
 * controllers count as controllers too, so API requests are skipped: they render no shell and must not pay for it.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellAdvice {

    private final ScopeArgumentResolver scopes;
    private final ObjectProvider<Notifications> notifications;

    /** The inbox is optional so that web slice tests need not provide it. */
    ShellAdvice(ScopeArgumentResolver scopes, ObjectProvider<Notifications> notifications) {
        this.scopes = scopes;
        this.notifications = notifications;
    }

    /** How many notifications the signed-in user has not read yet, for the inbox link of the shell. */
    @ModelAttribute("unread")
    long unread(HttpServletRequest request) {
        if (isApi(request)) {
            return 0;
        }
        UserScope me = scopes.current(request);
        Notifications inbox = notifications.getIfAvailable();
        return me == null || inbox == null ? 0 : inbox.unread(me);
    }

    @ModelAttribute("me")
    @Nullable
    UserScope me(HttpServletRequest request) {
        return isApi(request) ? null : scopes.current(request);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @ModelAttribute("nav")
    List<NavItem> nav(HttpServletRequest request) {
        UserScope me = isApi(request) ? null : scopes.current(request);
        List<NavItem> items = new ArrayList<>();
        if (me == null) {
            return items;
        }
        items.add(new NavItem("nav.home", "/"));
        if (me.isCityWide()) {
            items.add(new NavItem("nav.city", "/city"));
            items.add(new NavItem("nav.cityCatalog", "/city/catalog"));
        }
        if (me.has(Role.COUNTY_ADMIN) || (me.has(Role.INSPECTOR) && me.countyId() != null)) {
            items.add(new NavItem("nav.county", "/county"));
            items.add(new NavItem("nav.countyCatalog", "/county/catalog"));
            items.add(new NavItem("nav.registration", "/county/registration"));
            items.add(new NavItem("nav.countyCounts", "/county/registration-counts"));
            if (me.has(Role.COUNTY_ADMIN)) {
                items.add(new NavItem("nav.lotteries", "/county/lotteries"));
            }
            items.add(new NavItem("nav.countyToday", "/county/today"));
        }
        if (me.has(Role.SCHOOL_ADMIN)) {
            items.add(new NavItem("nav.school", "/school"));
            items.add(new NavItem("nav.schoolToday", "/school/today"));
            items.add(new NavItem("nav.classes", "/school/classes"));
            items.add(new NavItem("nav.students", "/school/students"));
            items.add(new NavItem("nav.guardians", "/school/guardians"));
            items.add(new NavItem("nav.staff", "/school/staff"));
            items.add(new NavItem("nav.calendar", "/school/calendar"));
            items.add(new NavItem("nav.courses", "/school/courses"));
            items.add(new NavItem("nav.slotPlans", "/school/slot-plans"));
            items.add(new NavItem("nav.offerings", "/school/offerings"));
            items.add(new NavItem("nav.venues", "/school/venues"));
            items.add(new NavItem("nav.timetable", "/school/timetable"));
            items.add(new NavItem("nav.services", "/school/services"));
            items.add(new NavItem("nav.openings", "/school/openings"));
            items.add(new NavItem("nav.lotteries", "/school/lotteries"));
            items.add(new NavItem("nav.registration", "/school/registration"));
            items.add(new NavItem("nav.bookings", "/school/bookings"));
            items.add(new NavItem("nav.registrationCounts", "/school/registration-counts"));
            items.add(new NavItem("nav.careRequests", "/school/care-requests"));
            items.add(new NavItem("nav.earlyArrivals", "/school/early-arrivals"));
            items.add(new NavItem("nav.schoolCheckIn", "/school/arrivals"));
            items.add(new NavItem("nav.extendedCare", "/school/extended-care"));
            items.add(new NavItem("nav.pickup", "/school/pickup"));
            items.add(new NavItem("nav.patrols", "/school/patrols"));
            items.add(new NavItem("nav.incidents", "/school/incidents"));
            items.add(new NavItem("nav.leave", "/school/leave"));
            items.add(new NavItem("nav.homeworkRates", "/school/homework-rates"));
            items.add(new NavItem("nav.sessionRecords", "/school/session-records"));
            items.add(new NavItem("nav.import", "/school/import"));
        }
        if (me.has(Role.TEACHER)) {
            items.add(new NavItem("nav.today", "/teacher/today"));
            items.add(new NavItem("nav.teacher", "/teacher"));
            items.add(new NavItem("nav.teacherTimetable", "/teacher/timetable"));
            items.add(new NavItem("nav.pickup", "/teacher/pickup"));
            items.add(new NavItem("nav.teacherEarlyArrivals", "/teacher/early-arrivals"));
            items.add(new NavItem("nav.teacherExtendedCare", "/teacher/extended-care"));
            items.add(new NavItem("nav.incidents", "/teacher/incidents"));
        }
        if (me.has(Role.GUARDIAN)) {
            items.add(new NavItem("nav.children", "/guardian"));
            items.add(new NavItem("nav.registration", "/guardian/registration"));
            items.add(new NavItem("nav.myRegistrations", "/guardian/registrations"));
            items.add(new NavItem("nav.careRequests", "/guardian/care"));
            items.add(new NavItem("nav.lotteries", "/guardian/lotteries"));
            items.add(new NavItem("nav.openingBookings", "/guardian/openings"));
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        NavItem current = items.stream()
                .filter(i -> i.covers(path))
                .max(java.util.Comparator.comparingInt(i -> i.href().length()))
                .orElse(null);
        return items.stream().map(i -> i == current ? i.activate() : i).toList();
    }

    /** A navigation link; {@code active} marks the current section. */
    record NavItem(String labelKey, String href, boolean active) {
        NavItem(String labelKey, String href) {
            this(labelKey, href, false);
        }

        /** Whether the path lies in this item's section; the longest such item is the current one. */
        boolean covers(String path) {
            return href.equals("/")
                    ? path.equals("/") || path.equals("/home")
                    : path.equals(href) || path.startsWith(href + "/");
        }

        NavItem activate() {
            return new NavItem(labelKey, href, true);
        }
    }
}
