package org.kehou.operations;

import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncidentChildrenRuleTests {

    static final UUID MINE = UUID.randomUUID();
    static final UUID ALSO_MINE = UUID.randomUUID();

    @Test
    void namesAtLeastOneChild() {
        assertRefused(IncidentChildrenRule.check(Set.of(), List.of(MINE)), "incident.children.required");
    }

    @Test
    void namesOnlyChildrenTheReporterServes() {
        assertAllowed(IncidentChildrenRule.check(Set.of(MINE, ALSO_MINE), List.of(MINE, ALSO_MINE)));
        assertRefused(
                IncidentChildrenRule.check(Set.of(MINE, UUID.randomUUID()), List.of(MINE)),
                "incident.children.unknown");
    }
}
