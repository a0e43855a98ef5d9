package org.kehou.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kehou.platform.RuleViolation;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/** A rule's refusal lands beside the field its message key names, or above the form. */
class FormErrorsTests {

    static final Map<String, List<String>> FIELDS = Map.of(
            "care.", List.of("reason"), "care.staff.", List.of("careStaffId", "supervisorId"), "fee.", List.of("fee"));

    @Test
    void theLongestMatchingPrefixNamesTheFieldAndTheFirstFieldTheFormHasGetsTheError() {
        BindingResult result = refuse(new GroupForm(), "care.staff.notOwn");
        assertThat(result.getFieldError("supervisorId")).isNotNull();
        assertThat(result.getFieldError("reason")).isNull();

        result = refuse(new GroupForm(), "care.reason.required");
        assertThat(result.getFieldError("reason")).isNotNull();
    }

    @Test
    void aRefusalOfAFieldTheFormLacksOrOfNoPrefixIsShownAboveTheForm() {
        assertThat(refuse(new GroupForm(), "fee.onSchoolOffering").getGlobalErrors())
                .hasSize(1);
        assertThat(refuse(new GroupForm(), "schedule.venueTaken").getGlobalErrors())
                .hasSize(1);
        BindingResult fine = new BeanPropertyBindingResult(new GroupForm(), "form");
        assertThat(FormErrors.attempt(fine, FIELDS, () -> {})).isTrue();
        assertThat(fine.hasErrors()).isFalse();
    }

    private static BindingResult refuse(Object form, String key) {
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        assertThat(FormErrors.attempt(result, FIELDS, () -> {
                    throw new RuleViolation(key);
                }))
                .isFalse();
        return result;
    }

    public static class GroupForm {
        String reason = "";
        String supervisorId = "";

        public String getReason() {
            return reason;
        }

        public String getSupervisorId() {
            return supervisorId;
        }
    }
}
