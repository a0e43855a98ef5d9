package org.kehou.enrollment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.Invitations.Invite;

/**
 * A school's invitation to register (ENROL-1, ENROL-2): the window, the whole grades and the single classes whose
 * guardians are invited, and an optional short message. The key generated for this rendering of the form makes a
 * second submission of it send nothing again.
 */
public class InvitationForm {

    @NotNull(message = "{validation.required}")
    @Nullable
    UUID windowId;

    List<UUID> classIds = new ArrayList<>();

    List<Integer> grades = new ArrayList<>();

    @Size(max = 200, message = "{invitation.messageTooLong}")
    String message = "";

    @NotBlank(message = "{invitation.key.required}")
    @Size(max = 64, message = "{invitation.key.required}")
    @Pattern(regexp = "[\\x21-\\x7e]*", message = "{invitation.key.required}")
    String formKey = "";

    InvitationForm() {
        this.formKey = UUID.randomUUID().toString();
    }

    Invite toCommand() {
        return new Invite(
                Objects.requireNonNull(windowId),
                classIds.stream().filter(Objects::nonNull).toList(),
                grades.stream().filter(Objects::nonNull).toList(),
                message);
    }

    public @Nullable UUID getWindowId() {
        return windowId;
    }

    public void setWindowId(@Nullable UUID windowId) {
        this.windowId = windowId;
    }

    public List<UUID> getClassIds() {
        return classIds;
    }

    public void setClassIds(@Nullable List<UUID> classIds) {
        this.classIds = classIds == null ? new ArrayList<>() : new ArrayList<>(classIds);
    }

    public List<Integer> getGrades() {
        return grades;
    }

    public void setGrades(@Nullable List<Integer> grades) {
        this.grades = grades == null ? new ArrayList<>() : new ArrayList<>(grades);
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(@Nullable String message) {
        this.message = message == null ? "" : message;
    }

    public String getFormKey() {
        return formKey;
    }

    public void setFormKey(@Nullable String formKey) {
        this.formKey = formKey == null ? "" : formKey;
    }
}
