package org.kehou.operations;

/** OPS-3: a patrol record carries up to three photos. */
final class PatrolPhotosRule {

    static final int MAX = 3;

    private PatrolPhotosRule() {}

    static Verdict check(int photos) {
        return photos > MAX ? Verdict.refused("patrol.photos.tooMany", MAX) : Verdict.allowed();
    }
}
