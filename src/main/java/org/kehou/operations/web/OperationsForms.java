package org.kehou.operations.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.operations.IncidentKind;
import org.kehou.operations.Incidents.NewIncident;
import org.kehou.operations.PatrolIssue;
import org.kehou.operations.Patrols.NewPatrol;
import org.kehou.operations.PickupManagement.NewFlag;
import org.kehou.operations.PickupManagement.NewPickupPerson;
import org.kehou.operations.PickupManagement.Release;
import org.kehou.operations.PickupRelation;
import org.kehou.operations.PickupService;
import org.kehou.operations.ReleaseTo;
import org.kehou.platform.MobileNumber;
import org.kehou.platform.PlainText;
import org.kehou.platform.web.FormErrors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;

/** The forms of the operations pages; each keeps what the user typed when it is shown again with errors. */
public final class OperationsForms {

    /** Which field a rule's refusal is shown beside, by the start of its message key; else above the form. */
    static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("photo.", List.of("photo", "photos")),
            Map.entry("pickup.persons.", List.of("name")),
            Map.entry("pickup.flag.name", List.of("name")),
            Map.entry("pickup.flag.reason", List.of("reason")),
            Map.entry("pickup.flag.lift", List.of("reason")),
            Map.entry("pickup.other.", List.of("otherName")),
            Map.entry("pickup.correction.noteRequired", List.of("note")),
            Map.entry("patrol.time.", List.of("patrolledAt")),
            Map.entry("patrol.offering.", List.of("offeringId")),
            Map.entry("patrol.venue.", List.of("venueId")),
            Map.entry("patrol.place.", List.of("place")),
            Map.entry("patrol.observed.", List.of("observed")),
            Map.entry("patrol.followUp.", List.of("followUp")),
            Map.entry("patrol.photos.", List.of("photos")),
            Map.entry("patrol.resolution.", List.of("resolution")),
            Map.entry("incident.children.", List.of("children")),
            Map.entry("incident.time.", List.of("occurredAt")),
            Map.entry("incident.description.", List.of("description")),
            Map.entry("incident.actions.", List.of("actions")));

    private OperationsForms() {}

    /**
     * Runs a command; a rule's refusal becomes an error beside the field it concerns (a photo's beside the photo
     * field), or above the form. Returns whether it succeeded.
     */
    static boolean attempt(BindingResult result, Runnable command) {
        return FormErrors.attempt(result, FIELDS, command);
    }

    static byte @Nullable [] bytes(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String lines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** A person a guardian authorises to collect their child (OPS-2). */
    public static class PersonForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @NotNull(message = "{validation.required}")
        @Nullable
        PickupRelation relation;

        @NotBlank(message = "{validation.required}")
        @Size(max = 20, message = "{validation.mobile.format}")
        String mobile = "";

        @Nullable
        MultipartFile photo;

        NewPickupPerson toCommand(MobileNumber number) {
            return new NewPickupPerson(name.strip(), Objects.requireNonNull(relation), number, bytes(photo));
        }

        public String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name == null ? "" : name;
        }

        public @Nullable PickupRelation getRelation() {
            return relation;
        }

        public void setRelation(@Nullable PickupRelation relation) {
            this.relation = relation;
        }

        public String getMobile() {
            return mobile;
        }

        public void setMobile(@Nullable String mobile) {
            this.mobile = mobile == null ? "" : mobile;
        }

        public @Nullable MultipartFile getPhoto() {
            return photo;
        }

        public void setPhoto(@Nullable MultipartFile photo) {
            this.photo = photo;
        }
    }

    /**
     * A hand-over from the staff's list: the chosen person as {@code choice} ({@code GUARDIAN:<id>},
     * {@code PERSON:<id>}, {@code ALONE} or {@code OTHER} with a name), and for a correction the entry corrected and
     * why.
     */
    public static class ReleaseForm {
        @NotNull(message = "{validation.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate date;

        @NotNull(message = "{validation.required}")
        @Nullable
        PickupService service;

        @NotNull(message = "{pickup.choice.required}")
        @Nullable
        ReleaseTo to;

        @Nullable
        UUID personId;

        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String otherName = "";

        @Nullable
        UUID corrects;

        @Size(max = 300, message = "{validation.tooLong}")
        @PlainText
        String note = "";

        Release toCommand(UUID studentId) {
            return new Release(
                    studentId,
                    Objects.requireNonNull(date),
                    Objects.requireNonNull(service),
                    Objects.requireNonNull(to),
                    personId,
                    otherName.strip(),
                    corrects,
                    note.strip());
        }

        /** Takes the choice of a one-tap button; an unknown one leaves the choice empty, which is then refused. */
        public void setChoice(@Nullable String choice) {
            this.to = null;
            this.personId = null;
            if (choice == null) {
                return;
            }
            String[] parts = choice.strip().split(":", 2);
            try {
                this.to = ReleaseTo.valueOf(parts[0]);
                this.personId = parts.length > 1 ? UUID.fromString(parts[1]) : null;
            } catch (IllegalArgumentException e) {
                this.to = null;
                this.personId = null;
            }
        }

        public @Nullable String getChoice() {
            return to == null ? null : to.name() + (personId == null ? "" : ":" + personId);
        }

        public @Nullable LocalDate getDate() {
            return date;
        }

        public void setDate(@Nullable LocalDate date) {
            this.date = date;
        }

        public @Nullable PickupService getService() {
            return service;
        }

        public void setService(@Nullable PickupService service) {
            this.service = service;
        }

        public @Nullable ReleaseTo getTo() {
            return to;
        }

        public @Nullable UUID getPersonId() {
            return personId;
        }

        public String getOtherName() {
            return otherName;
        }

        public void setOtherName(@Nullable String otherName) {
            this.otherName = otherName == null ? "" : otherName;
        }

        public @Nullable UUID getCorrects() {
            return corrects;
        }

        public void setCorrects(@Nullable UUID corrects) {
            this.corrects = corrects;
        }

        public String getNote() {
            return note;
        }

        public void setNote(@Nullable String note) {
            this.note = note == null ? "" : note;
        }
    }

    /** A person the school flags as not to be given a child, and why. */
    public static class FlagForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 50, message = "{validation.tooLong}")
        @PlainText
        String name = "";

        @Size(max = 30, message = "{validation.tooLong}")
        @PlainText
        String idHint = "";

        @NotBlank(message = "{pickup.flag.reasonRequired}")
        @Size(max = 300, message = "{validation.tooLong}")
        @PlainText
        String reason = "";

        NewFlag toCommand() {
            return new NewFlag(name.strip(), idHint.isBlank() ? null : idHint.strip(), reason.strip());
        }

        public String getName() {
            return name;
        }

        public void setName(@Nullable String name) {
            this.name = name == null ? "" : name;
        }

        public String getIdHint() {
            return idHint;
        }

        public void setIdHint(@Nullable String idHint) {
            this.idHint = idHint == null ? "" : idHint;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(@Nullable String reason) {
            this.reason = reason == null ? "" : reason;
        }
    }

    /** Why a flag is lifted, or how a patrol's follow-up was resolved. */
    public static class ReasonForm {
        @NotBlank(message = "{validation.required}")
        @Size(max = 300, message = "{validation.tooLong}")
        @PlainText
        String reason = "";

        public String getReason() {
            return reason;
        }

        public void setReason(@Nullable String reason) {
            this.reason = reason == null ? "" : reason;
        }
    }

    /** How a patrol's follow-up was resolved. */
    public static class ResolveForm {
        @NotBlank(message = "{patrol.resolution.required}")
        @Size(max = 300, message = "{validation.tooLong}")
        @PlainText
        String resolution = "";

        public String getResolution() {
            return resolution;
        }

        public void setResolution(@Nullable String resolution) {
            this.resolution = resolution == null ? "" : resolution;
        }
    }

    /** A patrol (OPS-3): when, where (an offering, a venue, or a place named freely), what was seen and found. */
    public static class PatrolForm {
        @NotNull(message = "{validation.required}")
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
        @Nullable
        LocalDateTime patrolledAt;

        @Nullable
        UUID offeringId;

        @Nullable
        UUID venueId;

        @Size(max = 100, message = "{validation.tooLong}")
        @PlainText
        String place = "";

        @NotBlank(message = "{patrol.observed.required}")
        @Size(max = 1000, message = "{validation.tooLong}")
        @Note
        String observed = "";

        List<PatrolIssue> issues = new ArrayList<>();

        @Size(max = 1000, message = "{validation.tooLong}")
        @Note
        String followUp = "";

        List<MultipartFile> photos = new ArrayList<>();

        PatrolForm() {}

        PatrolForm(LocalDateTime now) {
            this.patrolledAt = now.withSecond(0).withNano(0);
        }

        NewPatrol toCommand() {
            List<byte[]> pictures = new ArrayList<>();
            for (MultipartFile file : photos) {
                byte[] bytes = bytes(file);
                if (bytes != null) {
                    pictures.add(bytes);
                }
            }
            return new NewPatrol(
                    Objects.requireNonNull(patrolledAt),
                    offeringId,
                    venueId,
                    place.strip(),
                    lines(observed),
                    issues.isEmpty() ? EnumSet.noneOf(PatrolIssue.class) : EnumSet.copyOf(issues),
                    followUp.isBlank() ? null : lines(followUp),
                    pictures);
        }

        public @Nullable LocalDateTime getPatrolledAt() {
            return patrolledAt;
        }

        public void setPatrolledAt(@Nullable LocalDateTime patrolledAt) {
            this.patrolledAt = patrolledAt;
        }

        public @Nullable UUID getOfferingId() {
            return offeringId;
        }

        public void setOfferingId(@Nullable UUID offeringId) {
            this.offeringId = offeringId;
        }

        public @Nullable UUID getVenueId() {
            return venueId;
        }

        public void setVenueId(@Nullable UUID venueId) {
            this.venueId = venueId;
        }

        public String getPlace() {
            return place;
        }

        public void setPlace(@Nullable String place) {
            this.place = place == null ? "" : place;
        }

        public String getObserved() {
            return observed;
        }

        public void setObserved(@Nullable String observed) {
            this.observed = observed == null ? "" : observed;
        }

        public List<PatrolIssue> getIssues() {
            return issues;
        }

        public void setIssues(@Nullable List<PatrolIssue> issues) {
            this.issues = issues == null ? new ArrayList<>() : issues;
        }

        public String getFollowUp() {
            return followUp;
        }

        public void setFollowUp(@Nullable String followUp) {
            this.followUp = followUp == null ? "" : followUp;
        }

        public List<MultipartFile> getPhotos() {
            return photos;
        }

        public void setPhotos(@Nullable List<MultipartFile> photos) {
            this.photos = photos == null ? new ArrayList<>() : photos;
        }
    }

    /** An incident (OPS-4): kind, when and where, what happened, what was done, the children involved. */
    public static class IncidentForm {
        @NotNull(message = "{validation.required}")
        @Nullable
        IncidentKind kind;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
        @Nullable
        LocalDateTime occurredAt;

        @Size(max = 100, message = "{validation.tooLong}")
        @PlainText
        String place = "";

        @NotBlank(message = "{incident.description.required}")
        @Size(max = 1000, message = "{validation.tooLong}")
        @Note
        String description = "";

        @NotBlank(message = "{incident.actions.required}")
        @Size(max = 1000, message = "{validation.tooLong}")
        @Note
        String actions = "";

        List<UUID> children = new ArrayList<>();

        IncidentForm() {}

        IncidentForm(LocalDateTime now) {
            this.occurredAt = now.withSecond(0).withNano(0);
        }

        NewIncident toCommand() {
            return new NewIncident(
                    Objects.requireNonNull(kind),
                    Objects.requireNonNull(occurredAt),
                    place.strip(),
                    lines(description),
                    lines(actions),
                    new LinkedHashSet<>(children));
        }

        public @Nullable IncidentKind getKind() {
            return kind;
        }

        public void setKind(@Nullable IncidentKind kind) {
            this.kind = kind;
        }

        public @Nullable LocalDateTime getOccurredAt() {
            return occurredAt;
        }

        public void setOccurredAt(@Nullable LocalDateTime occurredAt) {
            this.occurredAt = occurredAt;
        }

        public String getPlace() {
            return place;
        }

        public void setPlace(@Nullable String place) {
            this.place = place == null ? "" : place;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(@Nullable String description) {
            this.description = description == null ? "" : description;
        }

        public String getActions() {
            return actions;
        }

        public void setActions(@Nullable String actions) {
            this.actions = actions == null ? "" : actions;
        }

        public List<UUID> getChildren() {
            return children;
        }

        public void setChildren(@Nullable List<UUID> children) {
            this.children = children == null ? new ArrayList<>() : children;
        }
    }
}
