package org.kehou.organization;

import java.util.List;
import java.util.stream.IntStream;

/** The stage of a school, which fixes the grades it has: primary 1–6, junior middle 7–9, nine-year 1–9. */
public enum Stage {
    PRIMARY(1, 6),
    JUNIOR_MIDDLE(7, 9),
    NINE_YEAR(1, 9);

    private final int firstGrade;
    private final int lastGrade;

    Stage(int firstGrade, int lastGrade) {
        this.firstGrade = firstGrade;
        this.lastGrade = lastGrade;
    }

    public List<Integer> grades() {
        return IntStream.rangeClosed(firstGrade, lastGrade).boxed().toList();
    }

    public boolean hasGrade(int grade) {
        return grade >= firstGrade && grade <= lastGrade;
    }

    /** Grades 7–9 are junior middle (初中), whatever the school's stage. */
    public static boolean isJuniorMiddleGrade(int grade) {
        return grade >= 7 && grade <= 9;
    }

    public String messageKey() {
        return "stage." + name();
    }
}
