package org.kehou.enrollment;

/**
 * How a waiting list moves when a seat frees (ENROL-2), as the school chooses per registration window: automatically
 * (the first in line takes the seat in the same transaction) or by an offer (the seat is held for the first in line
 * until they accept, decline or the offer expires, then offered to the next; docs/adr/0017-seat-offer.md).
 */
public enum Promotion {
    AUTOMATIC,
    OFFER;

    public String messageKey() {
        return "enrollment.promotion." + name();
    }
}
