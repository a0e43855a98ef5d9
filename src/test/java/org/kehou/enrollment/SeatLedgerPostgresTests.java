package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.kehou.enrollment.LedgerScenario.Offering;
import org.kehou.enrollment.LedgerScenario.Step;
import org.kehou.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The waiting-list invariants of {@link SeatLedgerPropertyTests} on PostgreSQL, where a claim is one statement:
 * random sequences of registrations and withdrawals (seeded, so a failure repeats) must give the model's answers,
 * and promote the first in line.
 */
@PostgresTest
@SpringBootTest(properties = "kehou.demo.enabled=false")
class SeatLedgerPostgresTests {

    @Autowired
    SeatLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void claimsGoThroughAGateAFewBelowThePoolsSize() throws Exception {
        int pool = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize();

        assertThat(pool).isGreaterThan(1);
        assertThat(ledger.claimsAtOnce()).isEqualTo(Math.max(1, pool - ClaimGate.HEADROOM));
    }

    @Test
    void theOneStatementClaimKeepsTheWaitingListInvariants() {
        Random random = new Random(20260901);
        for (int scenario = 0; scenario < 40; scenario++) {
            List<Offering> offerings = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int o = 0; o < count; o++) {
                offerings.add(new Offering(random.nextInt(3), 1 + random.nextInt(4), random.nextInt(5)));
            }
            List<Step> steps = new ArrayList<>();
            int length = 1 + random.nextInt(60);
            for (int s = 0; s < length; s++) {
                steps.add(new Step(random.nextInt(4) > 0, random.nextInt(8), random.nextInt(count)));
            }
            new LedgerScenario(ledger, jdbc, offerings, 8).run(steps);
        }
    }
}
