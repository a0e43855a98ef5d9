package org.kehou.enrollment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kehou.enrollment.SiblingPlacement;
import org.kehou.platform.web.FormErrors;
import org.springframework.validation.BindingResult;

/**
 * The forms of the lottery pages (ENROL-2). Fields are kept as typed, so a form shown again with errors keeps what
 * the user entered, and parsed here: an unreadable value becomes an error beside its field, never an error page.
 */
public final class LotteryForms {

    /** Which field a rule's refusal is shown beside, by the start of its message key; else above the form. */
    static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("lottery.choice", List.of("choices")),
            Map.entry("lottery.tooManyChoices", List.of("choices")),
            Map.entry("enrollment.gradeNotOffered", List.of("choices")),
            Map.entry("enrollment.otherSchool", List.of("choices")),
            Map.entry("enrollment.offeringNotOpen", List.of("choices")),
            Map.entry("enrollment.consent", List.of("consent")),
            Map.entry("lottery.priorityGroup", List.of("group")),
            Map.entry("lottery.priorityReason", List.of("reason")));

    private LotteryForms() {}

    static boolean attempt(BindingResult result, Runnable command) {
        return FormErrors.attempt(result, FIELDS, command);
    }

    /** A guardian's ranked choices with consent. */
    public static class ApplicationForm {
        List<String> choices = new ArrayList<>();
        boolean consent;
        String consentVersion = "";

        ApplicationForm() {}

        ApplicationForm(List<UUID> current, String consentVersion) {
            current.forEach(c -> choices.add(c.toString()));
            while (choices.size() < 3) {
                choices.add("");
            }
            this.consentVersion = consentVersion;
        }

        /** The choices picked, in rank, blanks left out; null when one cannot be read (recorded on the field). */
        @Nullable
        List<UUID> parsed(BindingResult result) {
            List<UUID> picked = new ArrayList<>();
            for (String c : choices) {
                if (c == null || c.isBlank()) {
                    continue;
                }
                try {
                    picked.add(UUID.fromString(c.strip()));
                } catch (IllegalArgumentException e) {
                    result.rejectValue("choices", "lottery.choiceUnknown");
                    return null;
                }
            }
            return picked;
        }

        public List<String> getChoices() {
            return choices;
        }

        public void setChoices(@Nullable List<String> choices) {
            this.choices = choices == null ? new ArrayList<>() : new ArrayList<>(choices);
        }

        public boolean isConsent() {
            return consent;
        }

        public void setConsent(boolean consent) {
            this.consent = consent;
        }

        public String getConsentVersion() {
            return consentVersion;
        }

        public void setConsentVersion(@Nullable String consentVersion) {
            this.consentVersion = consentVersion == null ? "" : consentVersion;
        }
    }

    /** A child put into a priority group (1 to 3), or out of any with 0. */
    public static class PriorityForm {
        String childId = "";
        String group = "";
        String reason = "";

        @Nullable
        UUID child(BindingResult result) {
            try {
                return UUID.fromString(childId.strip());
            } catch (IllegalArgumentException e) {
                result.rejectValue("childId", "lottery.childUnknown");
                return null;
            }
        }

        @Nullable
        Integer groupNumber(BindingResult result) {
            try {
                return Integer.valueOf(group.strip());
            } catch (NumberFormatException e) {
                result.rejectValue("group", "lottery.priorityGroup", new Object[] {3}, "lottery.priorityGroup");
                return null;
            }
        }

        public String getChildId() {
            return childId;
        }

        public void setChildId(@Nullable String childId) {
            this.childId = childId == null ? "" : childId;
        }

        public String getGroup() {
            return group;
        }

        public void setGroup(@Nullable String group) {
            this.group = group == null ? "" : group;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(@Nullable String reason) {
            this.reason = reason == null ? "" : reason;
        }
    }

    /** The window's siblings option. */
    public static class SiblingsForm {
        String siblings = "";

        SiblingsForm() {}

        SiblingsForm(SiblingPlacement current) {
            this.siblings = current.name();
        }

        @Nullable
        SiblingPlacement placement(BindingResult result) {
            for (SiblingPlacement p : SiblingPlacement.values()) {
                if (p.name().equals(siblings.strip())) {
                    return p;
                }
            }
            result.rejectValue("siblings", "lottery.siblingsUnknown");
            return null;
        }

        public String getSiblings() {
            return siblings;
        }

        public void setSiblings(@Nullable String siblings) {
            this.siblings = siblings == null ? "" : siblings;
        }
    }
}
