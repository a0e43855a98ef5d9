package org.kehou.operations;

/**
 * What a patrol may find wrong (OPS-3): a new lesson taught in slot 1 (CONTENT-4), no exercise in the slots
 * (CONTENT-3), a safety problem, or something else.
 */
public enum PatrolIssue {
    NEW_LESSON_IN_SLOT_1,
    NO_EXERCISE,
    SAFETY_PROBLEM,
    OTHER;

    public String messageKey() {
        return "patrol.issue." + name();
    }
}
