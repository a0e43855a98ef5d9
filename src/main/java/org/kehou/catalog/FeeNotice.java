package org.kehou.catalog;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The public notice (公示) of a fee-bearing institution offering (ENROL-5): its content, the fee standard, what
 * the fee covers, the refund rule and who is paid, with the day it was published.
 */
@Table(schema = "catalog", name = "fee_notice")
class FeeNotice {

    @Id
    private final UUID id;

    @Version
    private @Nullable Long version;

    private final UUID countyId;
    private final UUID schoolId;
    private final UUID offeringId;
    private final String content;
    private final String feeStandard;
    private final String covers;
    private final String refundRule;
    private final String payee;
    private final LocalDate publishedOn;

    @PersistenceCreator
    FeeNotice(
            UUID id,
            @Nullable Long version,
            UUID countyId,
            UUID schoolId,
            UUID offeringId,
            String content,
            String feeStandard,
            String covers,
            String refundRule,
            String payee,
            LocalDate publishedOn) {
        this.id = id;
        this.version = version;
        this.countyId = countyId;
        this.schoolId = schoolId;
        this.offeringId = offeringId;
        this.content = content;
        this.feeStandard = feeStandard;
        this.covers = covers;
        this.refundRule = refundRule;
        this.payee = payee;
        this.publishedOn = publishedOn;
    }

    UUID id() {
        return id;
    }

    UUID offeringId() {
        return offeringId;
    }

    LocalDate publishedOn() {
        return publishedOn;
    }
}
