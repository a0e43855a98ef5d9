package org.kehou.catalog;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * CONTENT-1 (不得设置任何捆绑项目): no course or offering may require another, so registration for each item is
 * independent. The model has no prerequisite or package at all; a command that declares such a dependency is
 * refused rather than silently dropped, and the free basic service that depends on a paid item is named as such.
 */
final class NoBundlingRule {

    private NoBundlingRule() {}

    /**
     * @param dependencies the items the command says this one requires
     * @param itemIsFree whether the item itself is free
     * @param isPaid whether a required item bears a fee
     */
    static Verdict check(Collection<UUID> dependencies, boolean itemIsFree, Predicate<UUID> isPaid) {
        if (dependencies.isEmpty()) {
            return Verdict.allowed();
        }
        if (itemIsFree && dependencies.stream().anyMatch(isPaid)) {
            return Verdict.refused("bundling.freeOnPaid");
        }
        return Verdict.refused("bundling.refused");
    }
}
