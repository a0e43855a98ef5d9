package org.kehou.catalog.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.catalog.CatalogManagement;
import org.kehou.catalog.CatalogReports;
import org.kehou.catalog.CatalogReports.CityCatalog;
import org.kehou.catalog.CatalogReports.CountyCatalog;
import org.kehou.catalog.CourseCategory;
import org.kehou.catalog.web.CatalogForms.ExerciseMinimumForm;
import org.kehou.catalog.web.CatalogForms.NoticePeriodForm;
import org.kehou.platform.NotFoundException;
import org.kehou.platform.Role;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalog as the county bureau and the city bureau oversee it (COURSE-1): the courses per category of each
 * school and county with totals, and the settings that apply to their schools: the exercise minimum per slot, which a
 * county may raise above the city's default but never lower (CONTENT-3), and the days a fee notice stays public
 * (ENROL-5). The city's inspectors read without the forms.
 */
@Controller
class CountyCatalogController {

    private final CatalogReports reports;
    private final CatalogManagement catalog;

    CountyCatalogController(CatalogReports reports, CatalogManagement catalog) {
        this.reports = reports;
        this.catalog = catalog;
    }

    @GetMapping("/county/catalog")
    String county(UserScope me, Model model) {
        return countyView(me, ownCounty(me), null, null, model);
    }

    @PostMapping("/county/catalog/exercise-minimum")
    String setCountyMinimum(
            UserScope me,
            @Valid @ModelAttribute("minimumForm") ExerciseMinimumForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID county = managedCounty(me);
        if (result.hasErrors()
                || !FormErrors.attempt(result, "minutes", () -> catalog.setExerciseMinimum(me, county, form.minutes))) {
            return countyView(me, county, form, null, model);
        }
        redirect.addFlashAttribute("flash", "catalogSettings.minimumSaved");
        return "redirect:/county/catalog";
    }

    @PostMapping("/county/catalog/notice-period")
    String setNoticePeriod(
            UserScope me,
            @Valid @ModelAttribute("noticeForm") NoticePeriodForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UUID county = managedCounty(me);
        if (result.hasErrors()
                || !FormErrors.attempt(result, "days", () -> catalog.setNoticePeriod(me, county, form.days))) {
            return countyView(me, county, null, form, model);
        }
        redirect.addFlashAttribute("flash", "catalogSettings.noticeSaved");
        return "redirect:/county/catalog";
    }

    @GetMapping("/city/counties/{countyId}/catalog")
    String countyOfCity(UserScope me, @PathVariable UUID countyId, Model model) {
        return countyView(me, countyId, null, null, model);
    }

    @GetMapping("/city/catalog")
    String city(UserScope me, Model model) {
        return cityView(me, null, model);
    }

    @PostMapping("/city/catalog/exercise-minimum")
    String setCityMinimum(
            UserScope me,
            @Valid @ModelAttribute("minimumForm") ExerciseMinimumForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!me.has(Role.CITY_ADMIN)) {
            throw new NotFoundException("city");
        }
        if (result.hasErrors()
                || !FormErrors.attempt(result, "minutes", () -> catalog.setExerciseMinimum(me, null, form.minutes))) {
            return cityView(me, form, model);
        }
        redirect.addFlashAttribute("flash", "catalogSettings.minimumSaved");
        return "redirect:/city/catalog";
    }

    private String countyView(
            UserScope me,
            UUID countyId,
            @Nullable ExerciseMinimumForm minimum,
            @Nullable NoticePeriodForm notice,
            Model model) {
        CountyCatalog county = reports.countyCatalog(me, countyId);
        if (minimum == null) {
            minimum = new ExerciseMinimumForm();
            minimum.minutes = county.exerciseMinimum();
        }
        if (notice == null) {
            notice = new NoticePeriodForm();
            notice.days = county.noticeDays();
        }
        model.addAttribute("report", county);
        model.addAttribute("categories", CourseCategory.values());
        model.addAttribute("minimumForm", minimum);
        model.addAttribute("noticeForm", notice);
        return "catalog/county/catalog";
    }

    private String cityView(UserScope me, @Nullable ExerciseMinimumForm minimum, Model model) {
        CityCatalog city = reports.cityCatalog(me);
        if (minimum == null) {
            minimum = new ExerciseMinimumForm();
            minimum.minutes = city.cityMinimum();
        }
        model.addAttribute("report", city);
        model.addAttribute("categories", CourseCategory.values());
        model.addAttribute("minimumForm", minimum);
        return "catalog/city/catalog";
    }

    /** The caller's own county when they may change it; an inspector of the county is answered as not found. */
    private static UUID managedCounty(UserScope me) {
        UUID county = ownCounty(me);
        if (!me.canManageCounty(county)) {
            throw new NotFoundException("county");
        }
        return county;
    }

    private static UUID ownCounty(UserScope me) {
        if (me.countyId() == null) {
            throw new NotFoundException("county");
        }
        return me.countyId();
    }
}
