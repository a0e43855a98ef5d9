package org.kehou.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kehou.operations.NotFlaggedRule.Flag;

class NotFlaggedRuleTests {

    static final List<Flag> FLAGS = List.of(new Flag("张大伟", "法院裁定由母亲抚养"));

    @Test
    void refusesAFlaggedPersonNamingTheReason() {
        assertRefused(NotFlaggedRule.check("张大伟", "小明", FLAGS), "pickup.refused.flagged", "张大伟", "小明", "法院裁定由母亲抚养");
    }

    @Test
    void matchesNamesWithoutSpacesOrCase() {
        assertThat(NotFlaggedRule.check(" 张 大伟", "小明", FLAGS).isAllowed()).isFalse();
        assertThat(NotFlaggedRule.check("david ZHANG", "小明", List.of(new Flag("David Zhang", "x")))
                        .isAllowed())
                .isFalse();
    }

    @Test
    void letsAnyoneElseThrough() {
        assertAllowed(NotFlaggedRule.check("张小伟", "小明", FLAGS));
        assertAllowed(NotFlaggedRule.check("张大伟", "小明", List.of()));
    }
}
