package org.kehou.operations;

import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthorisedPersonRuleTests {

    static final UUID MOTHER = UUID.randomUUID();
    static final UUID GRANDMOTHER = UUID.randomUUID();

    @Test
    void handsAChildToTheirGuardianOrAPersonOnTheList() {
        assertAllowed(check(ReleaseTo.GUARDIAN, MOTHER));
        assertAllowed(check(ReleaseTo.PERSON, GRANDMOTHER));
    }

    @Test
    void refusesSomeoneElseByName() {
        assertRefused(
                AuthorisedPersonRule.check(ReleaseTo.OTHER, null, "陌生人", "小明", List.of(MOTHER), List.of(GRANDMOTHER)),
                "pickup.refused.notAuthorised",
                "陌生人",
                "小明");
    }

    @Test
    void refusesAPersonNoLongerOnTheList() {
        assertRefused(check(ReleaseTo.PERSON, UUID.randomUUID()), "pickup.refused.notOnList", "小明");
        assertRefused(check(ReleaseTo.PERSON, MOTHER), "pickup.refused.notOnList", "小明");
        assertRefused(check(ReleaseTo.GUARDIAN, GRANDMOTHER), "pickup.refused.notOnList", "小明");
        assertRefused(check(ReleaseTo.GUARDIAN, null), "pickup.refused.notOnList", "小明");
    }

    @Test
    void leavesGoingAloneToItsOwnRule() {
        assertAllowed(check(ReleaseTo.ALONE, null));
    }

    private static Verdict check(ReleaseTo to, UUID person) {
        return AuthorisedPersonRule.check(to, person, "某人", "小明", List.of(MOTHER), List.of(GRANDMOTHER));
    }
}
