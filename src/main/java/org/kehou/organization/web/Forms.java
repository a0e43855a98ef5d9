package org.kehou.organization.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.organization.DayKind;
import org.kehou.organization.OrganizationManagement.SchoolDetails;
import org.kehou.organization.Relation;
import org.kehou.organization.StaffPosition;
import org.kehou.organization.Stage;
import org.kehou.organization.TermKind;
import org.kehou.platform.PlainText;
import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the base-data pages; each keeps what the user typed when it is shown again with errors. */
public final class Forms {

    private Forms() {}

    public static class SchoolForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 20, message = "{validation.tooLong}")
        @Pattern(regexp = "[A-Za-z0-9-]*", message = "{validation.code}")
        String code = "";

        @NotBlank(message = "{validation.required}")
        @Size(max = 100, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        Stage stage;

        @Size(max = 200, message = "{validation.tooLong}")
        @PlainText
        String address = "";

        SchoolDetails toDetails() {
            return new SchoolDetails(code.strip(), name.strip(), stage, address.isBlank() ? null : address.strip());
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public @Nullable Stage getStage() {
            return stage;
        }

        public void setStage(@Nullable Stage stage) {
            this.stage = stage;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }
    }

    public static class ClassForm {
        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{validation.grade}")
        @Max(value = 9, message = "{validation.grade}")
        @Nullable
        Integer gradeLevel;

        @NotBlank(message = "{validation.required}")
        @Size(max = 30, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @Nullable
        UUID headTeacherId;

        public @Nullable Integer getGradeLevel() {
            return gradeLevel;
        }

        public void setGradeLevel(@Nullable Integer gradeLevel) {
            this.gradeLevel = gradeLevel;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public @Nullable UUID getHeadTeacherId() {
            return headTeacherId;
        }

        public void setHeadTeacherId(@Nullable UUID headTeacherId) {
            this.headTeacherId = headTeacherId;
        }
    }

    public static class StudentForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @NotBlank(message = "{validation.required}")
        @Size(max = 18, message = "{validation.idNumber.length}")
        String idNumber = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        UUID classId;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getIdNumber() {
            return idNumber;
        }

        public void setIdNumber(String idNumber) {
            this.idNumber = idNumber;
        }

        public @Nullable UUID getClassId() {
            return classId;
        }

        public void setClassId(@Nullable UUID classId) {
            this.classId = classId;
        }
    }

    public static class CorrectionForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        UUID classId;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public @Nullable UUID getClassId() {
            return classId;
        }

        public void setClassId(@Nullable UUID classId) {
            this.classId = classId;
        }
    }

    public static class GuardianForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @NotBlank(message = "{validation.required}")
        @Size(max = 20, message = "{validation.mobile.format}")
        String mobile = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        Relation relation;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getMobile() {
            return mobile;
        }

        public void setMobile(String mobile) {
            this.mobile = mobile;
        }

        public @Nullable Relation getRelation() {
            return relation;
        }

        public void setRelation(@Nullable Relation relation) {
            this.relation = relation;
        }
    }

    public static class StaffForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 32, message = "{validation.tooLong}")
        @Pattern(regexp = "[A-Za-z0-9-]*", message = "{validation.code}")
        String staffNo = "";

        @NotBlank(message = "{validation.required}")
        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @Size(max = 20, message = "{validation.mobile.format}")
        String mobile = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        StaffPosition position;

        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String subject = "";

        public String getStaffNo() {
            return staffNo;
        }

        public void setStaffNo(String staffNo) {
            this.staffNo = staffNo;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getMobile() {
            return mobile;
        }

        public void setMobile(String mobile) {
            this.mobile = mobile;
        }

        public @Nullable StaffPosition getPosition() {
            return position;
        }

        public void setPosition(@Nullable StaffPosition position) {
            this.position = position;
        }

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }
    }

    public static class TermForm {
        @NotNull(message = "{validation.required}")
        @Min(value = 2000, message = "{validation.schoolYear}")
        @Max(value = 2100, message = "{validation.schoolYear}")
        @Nullable
        Integer schoolYear;

        @NotNull(message = "{validation.required}")
        @Nullable
        TermKind kind;

        @NotNull(message = "{validation.date}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate startsOn;

        @NotNull(message = "{validation.date}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate endsOn;

        public @Nullable Integer getSchoolYear() {
            return schoolYear;
        }

        public void setSchoolYear(@Nullable Integer schoolYear) {
            this.schoolYear = schoolYear;
        }

        public @Nullable TermKind getKind() {
            return kind;
        }

        public void setKind(@Nullable TermKind kind) {
            this.kind = kind;
        }

        public @Nullable LocalDate getStartsOn() {
            return startsOn;
        }

        public void setStartsOn(@Nullable LocalDate startsOn) {
            this.startsOn = startsOn;
        }

        public @Nullable LocalDate getEndsOn() {
            return endsOn;
        }

        public void setEndsOn(@Nullable LocalDate endsOn) {
            this.endsOn = endsOn;
        }
    }

    public static class DayForm {
        @NotNull(message = "{validation.date}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate day;

        @NotNull(message = "{validation.required}")
        @Nullable
        DayKind kind;

        @Size(max = 100, message = "{validation.tooLong}")
        @PlainText
        String note = "";

        public @Nullable LocalDate getDay() {
            return day;
        }

        public void setDay(@Nullable LocalDate day) {
            this.day = day;
        }

        public @Nullable DayKind getKind() {
            return kind;
        }

        public void setKind(@Nullable DayKind kind) {
            this.kind = kind;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }
}
