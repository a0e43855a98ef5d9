package org.kehou.platform.web;

import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page and each role's landing page. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }

    /** Sends each user to the home page of their first role. */
    @GetMapping("/")
    String home(UserScope me) {
        if (me.isCityWide()) {
            return "redirect:/city";
        }
        if (me.has(Role.COUNTY_ADMIN) || me.has(Role.INSPECTOR)) {
            return "redirect:/county";
        }
        if (me.has(Role.SCHOOL_ADMIN)) {
            return "redirect:/school";
        }
        if (me.has(Role.TEACHER)) {
            return "redirect:/teacher/today";
        }
        if (me.has(Role.GUARDIAN)) {
            return "redirect:/guardian";
        }
        return "redirect:/home";
    }

    /** The home of roles whose own pages come with later capabilities: who they are and what they may reach. */
    @GetMapping("/home")
    String roleHome(UserScope me) {
        return "platform/home";
    }
}
