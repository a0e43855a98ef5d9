package org.kehou.catalog;

import java.util.List;
import org.kehou.organization.Stage;
import org.springframework.context.MessageSourceResolvable;

/**
 * The services a school runs on a school day, in the order of the day: early arrival care 提前到校看护 (SCOPE-1), slot
 * 1 homework help 课业辅导 (CONTENT-4), slot 2 enrichment 素质拓展 (CONTENT-6), extended care 延时托管 (SCOPE-2) and
 * evening self-study 晚自习 for junior-middle grades only (CONTENT-7). A kind is its own message, so a rule's refusal
 * that names one reads in the user's language.
 */
public enum ServiceKind implements MessageSourceResolvable {
    EARLY_ARRIVAL,
    SLOT_1,
    SLOT_2,
    EXTENDED_CARE,
    EVENING;

    /** The grades a school runs this service for unless it says otherwise: evening self-study only for 7–9. */
    public List<Integer> defaultGrades(Stage stage) {
        if (this == EVENING) {
            return stage.grades().stream().filter(Stage::isJuniorMiddleGrade).toList();
        }
        return stage.grades();
    }

    public String messageKey() {
        return "service.kind." + name();
    }

    @Override
    public String[] getCodes() {
        return new String[] {messageKey()};
    }
}
