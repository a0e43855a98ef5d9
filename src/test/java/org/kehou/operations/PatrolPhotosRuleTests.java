package org.kehou.operations;

import static org.kehou.operations.VerdictAssertions.assertAllowed;
import static org.kehou.operations.VerdictAssertions.assertRefused;

import org.junit.jupiter.api.Test;

class PatrolPhotosRuleTests {

    @Test
    void takesUpToThreePhotos() {
        assertAllowed(PatrolPhotosRule.check(0));
        assertAllowed(PatrolPhotosRule.check(3));
        assertRefused(PatrolPhotosRule.check(4), "patrol.photos.tooMany", 3);
    }
}
