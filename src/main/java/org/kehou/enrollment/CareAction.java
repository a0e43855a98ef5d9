package org.kehou.enrollment;

/** What happened to a care request, as its history records it. */
public enum CareAction {
    SUBMITTED,
    ACCEPTED,
    DECLINED,
    STAFF_ASSIGNED,
    GROUPED;

    public String messageKey() {
        return "care.action." + name();
    }
}
