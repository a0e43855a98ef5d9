package org.kehou.enrollment.web;

import java.util.UUID;
import org.kehou.enrollment.Lotteries;
import org.kehou.organization.OrganizationQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Public lottery pages, without sign-in (ENROL-2, ADR 0011): per window the SHA-256 commitment to the seed from the
 * opening and, after the draw, the seed, so anyone can check that the draw used the seed committed to; and a
 * school's lotteries beside its public pages.
 */
@Controller
class PublicLotteryController {

    private final Lotteries lotteries;
    private final OrganizationQueries organization;

    PublicLotteryController(Lotteries lotteries, OrganizationQueries organization) {
        this.lotteries = lotteries;
        this.organization = organization;
    }

    @GetMapping("/public/lotteries/{windowId}")
    String lottery(@PathVariable UUID windowId, Model model) {
        model.addAttribute("lottery", lotteries.publicLottery(windowId));
        return "enrollment/public/lottery";
    }

    @GetMapping("/public/schools/{schoolId}/lotteries")
    String schoolLotteries(@PathVariable UUID schoolId, Model model) {
        model.addAttribute("lotteries", lotteries.publicLotteries(schoolId));
        model.addAttribute("school", organization.publicSchool(schoolId));
        return "enrollment/public/school-lotteries";
    }
}
