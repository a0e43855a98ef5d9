package org.kehou.platform.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.platform.Notifications;
import org.kehou.platform.PageQuery;
import org.kehou.platform.UserScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** The signed-in user's in-app inbox: the default channel of the notification outbox. */
@Controller
class InboxController {

    private final Notifications notifications;

    InboxController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/inbox")
    String inbox(
            UserScope me,
            ListParams list,
            @RequestHeader(value = Htmx.HEADER, required = false) String hx,
            Model model) {
        PageQuery query = list.query(20);
        model.addAttribute("notifications", notifications.inbox(me, query));
        model.addAttribute("query", query);
        model.addAttribute("base", "/inbox");
        return Htmx.view(hx, "platform/inbox", "rows");
    }

    /** Marks a notification read and shows the inbox again. */
    @PostMapping("/inbox/{notificationId}/read")
    String read(UserScope me, @PathVariable UUID notificationId) {
        notifications.markRead(me, notificationId);
        return "redirect:/inbox";
    }

    /**
     * Opens a notification: marks it read and follows its link if that stays inside the application, else shows the
     * inbox again (a link to another site is never followed from here).
     */
    @PostMapping("/inbox/{notificationId}/open")
    String open(UserScope me, @PathVariable UUID notificationId) {
        String link = notifications.open(me, notificationId);
        return "redirect:" + (inside(link) ? link : "/inbox");
    }

    /** Whether a link is a path of this application: one slash, not a protocol-relative or backslashed address. */
    static boolean inside(@Nullable String link) {
        return link != null
                && link.startsWith("/")
                && !link.startsWith("//")
                && link.chars().noneMatch(c -> c < 0x20 || c == '\\');
    }

    @PostMapping("/inbox/read")
    String readAll(UserScope me) {
        notifications.markAllRead(me);
        return "redirect:/inbox";
    }
}
