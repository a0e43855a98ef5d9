package org.kehou.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kehou.platform.ChineseIdNumber;

/** Roster files as a school would fill them in, for tests. */
public final class RosterFiles {

    public static final String[] HEADERS = {"年级", "班级", "学生姓名", "学生身份证号", "家长姓名", "与学生关系", "家长手机号"};

    private final List<String[]> rows = new ArrayList<>();

    public static RosterFiles roster() {
        return new RosterFiles();
    }

    public RosterFiles row(String... cells) {
        rows.add(cells);
        return this;
    }

    /** A valid student of the grade with a unique ID number from the sequence, and their mother. */
    public RosterFiles student(int grade, String className, String name, int sequence, String mobile) {
        return row(String.valueOf(grade), className, name, idNumber(sequence), name.charAt(0) + "妈妈", "母亲", mobile);
    }

    /** A valid ID number in the Jianxi area code, unique per sequence (0–99,999). */
    public static String idNumber(int sequence) {
        String first17 = "410305" + "2018" + String.format("%02d", 1 + sequence / 28 % 12)
                + String.format("%02d", 1 + sequence % 28) + String.format("%03d", sequence / 336 % 1000);
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    public byte[] bytes() {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("学生花名册");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                header.createCell(i).setCellValue(HEADERS[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                String[] cells = rows.get(r);
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
