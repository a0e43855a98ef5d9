package org.kehou.platform.web;

import java.util.UUID;
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

    /** Marks a notification read and follows its link, if it has one inside the application. */
    @PostMapping("/inbox/{notificationId}/read")
    String read(UserScope me, @PathVariable UUID notificationId) {
        notifications.markRead(me, notificationId);
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/read")
    String readAll(UserScope me) {
        notifications.markAllRead(me);
        return "redirect:/inbox";
    }
}
