package org.kehou.operations;

/** Whether what a patrol found still needs following up: nothing to follow up, open, or resolved. */
public enum FollowUpStatus {
    NONE,
    OPEN,
    RESOLVED;

    public String messageKey() {
        return "patrol.status." + name();
    }
}
