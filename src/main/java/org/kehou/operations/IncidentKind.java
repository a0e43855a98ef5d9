package org.kehou.operations;

/** What happened to children during the service (OPS-4). */
public enum IncidentKind {
    INJURY,
    ILLNESS,
    CONFLICT,
    OTHER;

    public String messageKey() {
        return "incident.kind." + name();
    }
}
