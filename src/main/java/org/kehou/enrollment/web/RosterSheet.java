package org.kehou.enrollment.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kehou.enrollment.Rosters.OfferingRoster;
import org.kehou.enrollment.Rosters.RosterEntry;
import org.kehou.platform.SpreadsheetText;

/**
 * An offering's roster as a workbook (ENROL-2): a sheet of the confirmed children and one of the waiting list in
 * order, headers in the user's language. Every text cell is neutralised against formula injection.
 */
final class RosterSheet {

    private static final String[] HEADERS = {
        "roster.col.position",
        "roster.col.grade",
        "roster.col.class",
        "roster.col.child",
        "roster.col.guardian",
        "roster.col.mobile"
    };

    private RosterSheet() {}

    static void write(OfferingRoster roster, Function<String, String> messages, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            sheet(workbook, messages.apply("roster.confirmed"), roster.confirmed(), messages);
            sheet(workbook, messages.apply("roster.waiting"), roster.waiting(), messages);
            workbook.write(out);
        }
    }

    private static void sheet(
            XSSFWorkbook workbook, String name, List<RosterEntry> entries, Function<String, String> messages) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < HEADERS.length; i++) {
            header.createCell(i).setCellValue(messages.apply(HEADERS[i]));
            sheet.setColumnWidth(i, 16 * 256);
        }
        int r = 1;
        for (RosterEntry entry : entries) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(entry.position());
            row.createCell(1).setCellValue(entry.gradeLevel());
            row.createCell(2).setCellValue(SpreadsheetText.neutralise(entry.className()));
            row.createCell(3).setCellValue(SpreadsheetText.neutralise(entry.childName()));
            row.createCell(4)
                    .setCellValue(SpreadsheetText.neutralise(entry.guardianName() == null ? "" : entry.guardianName()));
            row.createCell(5)
                    .setCellValue(
                            SpreadsheetText.neutralise(entry.guardianMobile() == null ? "" : entry.guardianMobile()));
        }
    }
}
