package org.kehou.operations;

/** How a person a guardian authorises to collect a child is related to the child. */
public enum PickupRelation {
    GRANDPARENT,
    RELATIVE,
    FAMILY_FRIEND,
    NEIGHBOUR,
    NANNY,
    DRIVER,
    OTHER;

    public String messageKey() {
        return "pickup.relation." + name();
    }
}
