package org.kehou.organization.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.kehou.organization.OrganizationQueries;
import org.kehou.organization.RosterImport;
import org.kehou.platform.UserScope;
import org.kehou.platform.web.Htmx;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Roster template, upload with progress and row errors, and .xlsx exports per school and class (ORG-3). */
@Controller
class RosterController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Set<String> ACCEPTED =
            Set.of(XLSX, "application/octet-stream", "application/vnd.ms-excel", "");

    private final RosterImport roster;
    private final OrganizationQueries queries;

    RosterController(RosterImport roster, OrganizationQueries queries) {
        this.roster = roster;
        this.queries = queries;
    }

    @GetMapping("/school/import")
    String page(UserScope me, Model model) {
        model.addAttribute("school", queries.school(me, SchoolController.ownSchool(me)));
        return "organization/school/import";
    }

    @GetMapping("/school/import/template.xlsx")
    ResponseEntity<byte[]> template(UserScope me, Locale locale) {
        return xlsx(
                roster.template(me, locale),
                locale.getLanguage().equals("en") ? "roster-template.xlsx" : "学生花名册模板.xlsx");
    }

    @PostMapping("/school/import")
    String upload(
            UserScope me, @RequestParam(name = "file", required = false) MultipartFile file, Locale locale, Model model)
            throws IOException {
        model.addAttribute("school", queries.school(me, SchoolController.ownSchool(me)));
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", "import.noFile");
            return "organization/school/import";
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                || !ACCEPTED.contains(String.valueOf(file.getContentType()))) {
            model.addAttribute("uploadError", "import.notXlsx");
            return "organization/school/import";
        }
        UUID job = roster.start(me, name, file.getBytes(), locale);
        return "redirect:/school/import/" + job;
    }

    @GetMapping("/school/import/{jobId}")
    String job(
            UserScope me,
            @PathVariable UUID jobId,
            @RequestHeader(value = Htmx.HEADER, required = false) String hx,
            Model model) {
        model.addAttribute("school", queries.school(me, SchoolController.ownSchool(me)));
        model.addAttribute("job", roster.job(me, jobId));
        return Htmx.view(hx, "organization/school/import", "job");
    }

    @GetMapping("/school/roster.xlsx")
    void schoolRoster(UserScope me, Locale locale, HttpServletResponse response) throws IOException {
        var school = queries.school(me, SchoolController.ownSchool(me));
        download(response, school.name() + ".xlsx");
        roster.export(me, null, locale, response.getOutputStream());
    }

    @GetMapping("/school/classes/{classId}/roster.xlsx")
    void classRoster(UserScope me, @PathVariable UUID classId, Locale locale, HttpServletResponse response)
            throws IOException {
        var c = queries.schoolClass(me, classId);
        if (!me.canManageSchool(c.schoolId())) {
            throw new org.kehou.platform.NotFoundException("class");
        }
        var out = new java.io.ByteArrayOutputStream();
        roster.export(me, classId, locale, out);
        download(response, c.gradeLevel() + "-" + c.name() + ".xlsx");
        out.writeTo(response.getOutputStream());
    }

    private static void download(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    private static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
