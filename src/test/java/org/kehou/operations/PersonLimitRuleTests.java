package org.kehou.operations;

import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PersonLimitRuleTests {

    @Test
    void refusesAnEleventhPerson() {
        List<String> ten = IntStream.range(0, 10).mapToObj(i -> "接送人" + i).toList();
        assertRefused(PersonLimitRule.check(ten, "接送人X"), "pickup.persons.tooMany", 10);
        assertAllowed(PersonLimitRule.check(ten.subList(0, 9), "接送人X"));
    }

    @Test
    void namesEachPersonOnce() {
        assertRefused(PersonLimitRule.check(List.of("王外婆"), "王 外婆"), "pickup.persons.duplicate", "王 外婆");
        assertAllowed(PersonLimitRule.check(List.of("王外婆"), "李外公"));
    }
}
