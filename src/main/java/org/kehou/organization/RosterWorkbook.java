package org.kehou.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kehou.organization.OrganizationManagement.RosterRow;
import org.kehou.organization.OrganizationManagement.RowError;
import org.kehou.platform.ChineseIdNumber;
import org.kehou.platform.InvalidValueException;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.PlainText;

/**
 * The roster file (ORG-3): writes the template and the exports, and reads an upload into rows or row errors.
 * Every text cell written is neutralised against formula injection: a value beginning with {@code = + - @} (or a
 * tab or carriage return) is prefixed with an apostrophe.
 */
final class RosterWorkbook {

    static final int MAX_ROWS = 10_000;

    private RosterWorkbook() {}

    /**
     * The template: a sheet with the header row in the user's language and text-formatted columns, and a second
     * sheet with an example row (the import reads only the first sheet).
     */
    static byte[] template(Function<String, String> messages) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(messages.apply("import.sheet"));
            var text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            for (RosterColumn column : RosterColumn.values()) {
                header.createCell(column.ordinal()).setCellValue(messages.apply(column.messageKey()));
                sheet.setDefaultColumnStyle(column.ordinal(), text);
                sheet.setColumnWidth(column.ordinal(), 18 * 256);
            }
            String first17 = "41030520190901001";
            String[] example = {
                "1",
                "1班",
                messages.apply("import.example.student"),
                first17 + ChineseIdNumber.checkCharacter(first17),
                messages.apply("import.example.guardian"),
                messages.apply("relation.MOTHER"),
                "13800000000"
            };
            Sheet help = workbook.createSheet(messages.apply("import.exampleSheet"));
            Row helpHeader = help.createRow(0);
            for (RosterColumn column : RosterColumn.values()) {
                helpHeader.createCell(column.ordinal()).setCellValue(messages.apply(column.messageKey()));
                help.setColumnWidth(column.ordinal(), 18 * 256);
            }
            Row row = help.createRow(1);
            for (int i = 0; i < example.length; i++) {
                Cell cell = row.createCell(i);
                cell.setCellStyle(text);
                cell.setCellValue(example[i]);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes roster lines as a streaming workbook. */
    static void export(
            List<OrganizationQueries.RosterLine> lines,
            Function<String, String> messages,
            String sheetName,
            OutputStream out)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(safeSheetName(sheetName));
            String[] headers = {
                "export.column.grade",
                "export.column.class",
                "export.column.name",
                "export.column.sex",
                "export.column.birthDate",
                "export.column.idNumber",
                "export.column.guardian",
                "export.column.relation",
                "export.column.mobile"
            };
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(messages.apply(headers[i]));
            }
            int r = 1;
            for (OrganizationQueries.RosterLine line : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.gradeLevel());
                row.createCell(1).setCellValue(neutralise(line.className()));
                row.createCell(2).setCellValue(neutralise(line.name()));
                row.createCell(3).setCellValue(messages.apply(line.sex().messageKey()));
                row.createCell(4).setCellValue(line.birthDate().toString());
                row.createCell(5).setCellValue(line.idNumberMasked());
                row.createCell(6).setCellValue(neutralise(line.guardianName() == null ? "" : line.guardianName()));
                row.createCell(7)
                        .setCellValue(
                                line.relation() == null
                                        ? ""
                                        : messages.apply(line.relation().messageKey()));
                row.createCell(8).setCellValue(line.mobile() == null ? "" : line.mobile());
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    /** Keeps a spreadsheet program from reading a value as a formula. */
    static String neutralise(String value) {
        return org.kehou.platform.SpreadsheetText.neutralise(value);
    }

    private static String safeSheetName(String name) {
        String cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }

    /** The rows of an upload, or every error found in it; never both. */
    record Parsed(List<RosterRow> rows, List<RowError> errors) {}

    /**
     * Reads an upload: checks the header against the template and every cell of every row, collecting all errors.
     * Empty rows are skipped. The same student may appear on several rows (one per guardian) when name, grade and
     * class agree.
     */
    static Parsed read(
            InputStream in,
            Function<String, String> messages,
            Function<RosterColumn, java.util.Set<String>> headers,
            java.util.function.IntConsumer progress) {
        List<RowError> errors = new ArrayList<>();
        List<RosterRow> rows = new ArrayList<>();
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(in);
        } catch (Exception e) {
            return new Parsed(List.of(), List.of(new RowError(0, RosterColumn.GRADE, "import.notWorkbook")));
        }
        try (workbook) {
            Sheet sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
            if (sheet == null || sheet.getRow(0) == null || !headerMatches(sheet.getRow(0), headers)) {
                return new Parsed(List.of(), List.of(new RowError(1, RosterColumn.GRADE, "import.notTemplate")));
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                return new Parsed(
                        List.of(),
                        List.of(new RowError(
                                sheet.getLastRowNum() + 1, RosterColumn.GRADE, "import.tooManyRows", MAX_ROWS)));
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Map<String, RosterRow> firstById = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String[] cells = new String[RosterColumn.values().length];
                boolean empty = true;
                for (RosterColumn column : RosterColumn.values()) {
                    Cell cell = row == null ? null : row.getCell(column.ordinal());
                    String value = cell == null ? "" : text(cell, formatter);
                    cells[column.ordinal()] = value;
                    empty &= value.isEmpty();
                }
                if (empty) {
                    continue;
                }
                RosterRow parsed = parseRow(r + 1, cells, messages, errors);
                if (parsed != null) {
                    RosterRow first = firstById.putIfAbsent(parsed.idNumber().value(), parsed);
                    if (first != null
                            && (!first.studentName().equals(parsed.studentName())
                                    || first.gradeLevel() != parsed.gradeLevel()
                                    || !first.className().equals(parsed.className()))) {
                        errors.add(new RowError(r + 1, RosterColumn.ID_NUMBER, "import.idNumberConflict", first.row()));
                    } else {
                        rows.add(parsed);
                    }
                }
                if (r % 500 == 0) {
                    progress.accept(r);
                }
            }
        } catch (IOException e) {
            return new Parsed(List.of(), List.of(new RowError(0, RosterColumn.GRADE, "import.notWorkbook")));
        }
        if (errors.isEmpty() && rows.isEmpty()) {
            errors.add(new RowError(2, RosterColumn.GRADE, "import.noRows"));
        }
        return errors.isEmpty() ? new Parsed(rows, List.of()) : new Parsed(List.of(), errors);
    }

    private static boolean headerMatches(Row header, Function<RosterColumn, java.util.Set<String>> headers) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        for (RosterColumn column : RosterColumn.values()) {
            Cell cell = header.getCell(column.ordinal());
            String value = cell == null ? "" : text(cell, formatter);
            if (!headers.apply(column).contains(value)) {
                return false;
            }
        }
        return true;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + cell.getCellFormula();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static RosterRow parseRow(
            int rowNumber, String[] cells, Function<String, String> messages, List<RowError> errors) {
        int before = errors.size();
        Integer grade = null;
        String gradeText = cells[RosterColumn.GRADE.ordinal()].replace("年级", "");
        try {
            grade = Integer.valueOf(gradeText);
            if (grade < 1 || grade > 9) {
                errors.add(new RowError(rowNumber, RosterColumn.GRADE, "validation.grade"));
            }
        } catch (NumberFormatException e) {
            errors.add(new RowError(
                    rowNumber, RosterColumn.GRADE, gradeText.isEmpty() ? "validation.required" : "validation.grade"));
        }
        String className = name(rowNumber, RosterColumn.CLASS, cells, 30, errors);
        String student = name(rowNumber, RosterColumn.STUDENT_NAME, cells, 50, errors);
        ChineseIdNumber idNumber = null;
        String idText = cells[RosterColumn.ID_NUMBER.ordinal()];
        if (idText.isEmpty()) {
            errors.add(new RowError(rowNumber, RosterColumn.ID_NUMBER, "validation.required"));
        } else {
            try {
                idNumber = ChineseIdNumber.of(idText);
            } catch (InvalidValueException e) {
                errors.add(new RowError(rowNumber, RosterColumn.ID_NUMBER, e.messageKey()));
            }
        }
        String guardian = name(rowNumber, RosterColumn.GUARDIAN_NAME, cells, 50, errors);
        Relation relation = relation(cells[RosterColumn.RELATION.ordinal()], messages);
        if (relation == null) {
            errors.add(new RowError(
                    rowNumber,
                    RosterColumn.RELATION,
                    cells[RosterColumn.RELATION.ordinal()].isEmpty() ? "validation.required" : "import.relation"));
        }
        MobileNumber mobile = null;
        String mobileText = cells[RosterColumn.GUARDIAN_MOBILE.ordinal()];
        if (mobileText.isEmpty()) {
            errors.add(new RowError(rowNumber, RosterColumn.GUARDIAN_MOBILE, "validation.required"));
        } else {
            try {
                mobile = MobileNumber.of(mobileText);
            } catch (InvalidValueException e) {
                errors.add(new RowError(rowNumber, RosterColumn.GUARDIAN_MOBILE, e.messageKey()));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new RosterRow(rowNumber, grade, className, student, idNumber, guardian, relation, mobile);
    }

    private static String name(int rowNumber, RosterColumn column, String[] cells, int max, List<RowError> errors) {
        String value = cells[column.ordinal()];
        if (value.isEmpty()) {
            errors.add(new RowError(rowNumber, column, "validation.required"));
        } else if (value.length() > max) {
            errors.add(new RowError(rowNumber, column, "validation.tooLong"));
        } else if (!PlainText.Validator.isPlain(value) || "=+-@".indexOf(value.charAt(0)) >= 0) {
            errors.add(new RowError(rowNumber, column, "validation.plainText"));
        }
        return value;
    }

    private static Relation relation(String value, Function<String, String> messages) {
        for (Relation relation : Relation.values()) {
            if (value.equalsIgnoreCase(relation.name()) || value.equals(messages.apply(relation.messageKey()))) {
                return relation;
            }
        }
        return switch (value) {
            case "父亲", "爸爸", "Father" -> Relation.FATHER;
            case "母亲", "妈妈", "Mother" -> Relation.MOTHER;
            case "祖父", "外祖父", "爷爷", "外公", "Grandfather" -> Relation.GRANDFATHER;
            case "祖母", "外祖母", "奶奶", "外婆", "Grandmother" -> Relation.GRANDMOTHER;
            case "其他", "其他监护人", "Other" -> Relation.OTHER;
            default -> null;
        };
    }
}
