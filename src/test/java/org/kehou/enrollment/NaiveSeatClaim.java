package org.kehou.enrollment;

import java.time.LocalDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The way a seat must never be claimed, kept as the negative control of the rush test: count the confirmed
 * registrations, and insert one if the count is below the capacity, in one READ COMMITTED transaction. Two claims
 * that count at the same time both see a free seat and both insert, so under a rush it oversells.
 */
final class NaiveSeatClaim {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    NaiveSeatClaim(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    EnrollmentResult claim(UUID child, UUID guardian, UUID offering, LocalDateTime now) {
        return transactions.execute(status -> {
            record Seat(UUID countyId, UUID schoolId, UUID termId, String weekday, String slot, int capacity) {}
            Seat seat =
                    jdbc.sql("""
                            select county_id, school_id, term_id, weekday, slot, capacity
                            from enrollment.seat where offering_id = :offering""").param("offering", offering).query(Seat.class).single();
            long taken =
                    jdbc.sql("""
                            select count(*) from enrollment.enrollment
                            where offering_id = :offering and status = 'CONFIRMED'""").param("offering", offering).query(Long.class).single();
            if (taken >= seat.capacity()) {
                return EnrollmentResult.FULL;
            }
            jdbc.sql("""
                            insert into enrollment.enrollment (id, version, county_id, school_id, term_id, offering_id,
                              child_id, guardian_id, account_id, weekday, slot, status, active_offering_id, active_slot,
                              consent_version, consented_at, requested_at, confirmed_at)
                            values (:id, 0, :county, :school, :term, :offering, :child, :guardian, :guardian, :weekday,
                              :slot, 'CONFIRMED', :offering, :slotKey, 'naive', :now, :now, :now)""")
                    .param("id", UUID.randomUUID())
                    .param("county", seat.countyId())
                    .param("school", seat.schoolId())
                    .param("term", seat.termId())
                    .param("offering", offering)
                    .param("child", child)
                    .param("guardian", guardian)
                    .param("weekday", seat.weekday())
                    .param("slot", seat.slot())
                    .param("slotKey", seat.weekday() + "/" + seat.slot())
                    .param("now", now)
                    .update();
            return EnrollmentResult.CONFIRMED;
        });
    }
}
