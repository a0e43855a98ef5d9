package org.kehou.catalog;

import static org.kehou.catalog.VerdictAssertions.assertAllowed;
import static org.kehou.catalog.VerdictAssertions.assertRefused;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CONTENT-1: no item requires another; the free basic service never depends on a paid item. */
class NoBundlingRuleTests {

    static final UUID PAID_ROBOTICS = UUID.fromString("00000000-0000-7000-8000-000000000d01");
    static final UUID FREE_CHOIR = UUID.fromString("00000000-0000-7000-8000-000000000d02");

    @Test
    void allowsAnItemThatRequiresNothing() {
        assertAllowed(NoBundlingRule.check(List.of(), true, id -> true));
    }

    @Test
    void refusesAnItemThatRequiresAnother() {
        assertRefused(NoBundlingRule.check(List.of(FREE_CHOIR), false, PAID_ROBOTICS::equals), "bundling.refused");
    }

    @Test
    void refusesAFreeItemThatDependsOnAPaidOne() {
        assertRefused(NoBundlingRule.check(Set.of(PAID_ROBOTICS), true, PAID_ROBOTICS::equals), "bundling.freeOnPaid");
    }

    @Test
    void refusesAFreeItemThatRequiresAnotherFreeOne() {
        assertRefused(NoBundlingRule.check(Set.of(FREE_CHOIR), true, PAID_ROBOTICS::equals), "bundling.refused");
    }
}
