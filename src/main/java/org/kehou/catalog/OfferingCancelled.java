package org.kehou.catalog;

import java.util.UUID;

/**
 * A school cancelled a published offering (COURSE-2), with the reason its families are told. Published inside the
 * cancelling transaction, so that a module holding registrations of the offering can withdraw them and tell the
 * families in the same transaction: the cancellation and its consequences commit together or not at all.
 *
 * @param cancelledBy the account that cancelled it, for the history
 */
public record OfferingCancelled(
        UUID offeringId, UUID countyId, UUID schoolId, String courseName, String reason, UUID cancelledBy) {}
