package org.kehou.enrollment.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.Allocation;
import org.kehou.enrollment.EnrollmentManagement.EnrollChild;
import org.kehou.enrollment.EnrollmentManagement.NewWindow;
import org.kehou.enrollment.Promotion;
import org.kehou.organization.TermKind;
import org.kehou.platform.web.FormErrors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/** The forms of the registration pages; each keeps what the user entered when it is shown again with errors. */
public final class RegistrationForms {

    /** Which field a rule's refusal is shown beside, by the start of its message key; else above the form. */
    static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("enrollment.consent", List.of("consent")),
            Map.entry("enrollment.", List.of("offeringId")),
            Map.entry("notice.", List.of("offeringId")),
            Map.entry("window.closesBeforeOpening", List.of("closesAt")),
            Map.entry("window.inThePast", List.of("closesAt")),
            Map.entry("window.waitlistLimit", List.of("waitlistLimit")),
            Map.entry("window.offerHours", List.of("offerHours")),
            Map.entry("window.overlaps", List.of("opensAt")),
            Map.entry("window.", List.of("offeringId")),
            Map.entry("idempotency.", List.of("offeringId")));

    private RegistrationForms() {}

    /** Runs a command; a rule's refusal becomes an error beside the field it concerns. Returns whether it succeeded. */
    static boolean attempt(BindingResult result, Runnable command) {
        return FormErrors.attempt(result, FIELDS, command);
    }

    /**
     * A guardian's registration of their child for one offering (ENROL-1): the consent is ticked explicitly, and the
     * key generated for this rendering of the form makes a second submission of it change nothing.
     */
    public static class EnrolForm {
        @NotNull(message = "{validation.required}")
        @Nullable
        UUID childId;

        @NotNull(message = "{validation.required}")
        @Nullable
        UUID offeringId;

        @NotBlank(message = "{registration.key.required}")
        @Size(max = 64, message = "{api.idempotencyKeyFormat}")
        @Pattern(regexp = "[\\x21-\\x7e]*", message = "{api.idempotencyKeyFormat}")
        String idempotencyKey = "";

        @NotBlank(message = "{registration.key.required}")
        @Size(max = 32, message = "{validation.tooLong}")
        String consentVersion = "";

        boolean consent;

        EnrolForm() {}

        EnrolForm(UUID childId, UUID offeringId, String consentVersion) {
            this.childId = childId;
            this.offeringId = offeringId;
            this.consentVersion = consentVersion;
            this.idempotencyKey = UUID.randomUUID().toString();
        }

        EnrollChild toCommand() {
            return new EnrollChild(
                    Objects.requireNonNull(childId), Objects.requireNonNull(offeringId), consent, consentVersion);
        }

        public @Nullable UUID getChildId() {
            return childId;
        }

        public void setChildId(@Nullable UUID childId) {
            this.childId = childId;
        }

        public @Nullable UUID getOfferingId() {
            return offeringId;
        }

        public void setOfferingId(@Nullable UUID offeringId) {
            this.offeringId = offeringId;
        }

        public String getIdempotencyKey() {
            return idempotencyKey;
        }

        public void setIdempotencyKey(@Nullable String idempotencyKey) {
            this.idempotencyKey = idempotencyKey == null ? "" : idempotencyKey;
        }

        public String getConsentVersion() {
            return consentVersion;
        }

        public void setConsentVersion(@Nullable String consentVersion) {
            this.consentVersion = consentVersion == null ? "" : consentVersion;
        }

        public boolean isConsent() {
            return consent;
        }

        public void setConsent(boolean consent) {
            this.consent = consent;
        }
    }

    /**
     * A registration window opened by a school or county admin (ENROL-2); seats are given first come or, with
     * allocation {@link Allocation#LOTTERY}, drawn by lottery after closing, as the API's window request allows.
     */
    public static class WindowForm {
        @NotNull(message = "{validation.required}")
        @Min(value = 2000, message = "{registration.window.schoolYear}")
        @Max(value = 2200, message = "{registration.window.schoolYear}")
        @Nullable
        Integer schoolYear;

        @NotNull(message = "{validation.required}")
        @Nullable
        TermKind termKind;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        @Nullable
        LocalDateTime opensAt;

        @NotNull(message = "{validation.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        @Nullable
        LocalDateTime closesAt;

        @NotNull(message = "{validation.required}")
        @Nullable
        Allocation allocation = Allocation.FIRST_COME;

        @NotNull(message = "{validation.required}")
        @Min(value = 0, message = "{api.waitlistLimit}")
        @Max(value = 1000, message = "{api.waitlistLimit}")
        @Nullable
        Integer waitlistLimit = 20;

        @NotNull(message = "{validation.required}")
        @Nullable
        Promotion promotion = Promotion.AUTOMATIC;

        /** Hours an offer of a freed seat lasts, under {@link Promotion#OFFER} only ({@code OfferExpiryRule}). */
        @Min(value = 1, message = "{api.offerHours}")
        @Max(value = 72, message = "{api.offerHours}")
        @Nullable
        Integer offerHours;

        WindowForm() {}

        WindowForm(int schoolYear) {
            this.schoolYear = schoolYear;
        }

        NewWindow toCommand() {
            return new NewWindow(
                    null,
                    Objects.requireNonNull(schoolYear),
                    Objects.requireNonNull(termKind),
                    Objects.requireNonNull(opensAt),
                    Objects.requireNonNull(closesAt),
                    Objects.requireNonNull(allocation),
                    Objects.requireNonNull(waitlistLimit),
                    Objects.requireNonNull(promotion),
                    offerHours);
        }

        public @Nullable Integer getSchoolYear() {
            return schoolYear;
        }

        public void setSchoolYear(@Nullable Integer schoolYear) {
            this.schoolYear = schoolYear;
        }

        public @Nullable TermKind getTermKind() {
            return termKind;
        }

        public void setTermKind(@Nullable TermKind termKind) {
            this.termKind = termKind;
        }

        public @Nullable LocalDateTime getOpensAt() {
            return opensAt;
        }

        public void setOpensAt(@Nullable LocalDateTime opensAt) {
            this.opensAt = opensAt;
        }

        public @Nullable LocalDateTime getClosesAt() {
            return closesAt;
        }

        public void setClosesAt(@Nullable LocalDateTime closesAt) {
            this.closesAt = closesAt;
        }

        public @Nullable Allocation getAllocation() {
            return allocation;
        }

        public void setAllocation(@Nullable Allocation allocation) {
            this.allocation = allocation;
        }

        public @Nullable Integer getWaitlistLimit() {
            return waitlistLimit;
        }

        public void setWaitlistLimit(@Nullable Integer waitlistLimit) {
            this.waitlistLimit = waitlistLimit;
        }

        public @Nullable Promotion getPromotion() {
            return promotion;
        }

        public void setPromotion(@Nullable Promotion promotion) {
            this.promotion = promotion;
        }

        public @Nullable Integer getOfferHours() {
            return offerHours;
        }

        public void setOfferHours(@Nullable Integer offerHours) {
            this.offerHours = offerHours;
        }
    }
}
