package org.kehou.operations;

/** How far a child finished the day's written homework in slot 1 (CONTENT-5). */
public enum HomeworkMark {
    DONE,
    MOSTLY_DONE,
    NOT_DONE;

    public String messageKey() {
        return "homework.mark." + name();
    }

    /** CONTENT-5: a mark given as text; anything else is refused with its value. */
    public static HomeworkMark parse(String value) {
        return SessionMarks.parse(HomeworkMark.class, value, "homework.mark.unknown");
    }
}
