package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.kehou.enrollment.Lottery.Application;
import org.kehou.enrollment.Lottery.Result;
import org.kehou.enrollment.Lottery.Siblings;

/** The registration lottery (ENROL-2): reproducible from its seed, within capacity, fair by priority, siblings. */
class LotteryTests {

    static final List<UUID> OFFERINGS = List.of(id(9001), id(9002), id(9003), id(9004));

    @Property(tries = 200)
    void theSameInputsAndSeedGiveTheSameResultWhateverTheirOrder(@ForAll("draws") Draw draw, @ForAll long shuffle) {
        Result first = Lottery.draw(draw.seed(), draw.seats(), draw.applications(), draw.siblings());
        List<Application> shuffled = new ArrayList<>(draw.applications());
        Collections.shuffle(shuffled, new Random(shuffle));
        Result again = Lottery.draw(draw.seed(), draw.seats(), shuffled, draw.siblings());
        assertThat(again).isEqualTo(first);
    }

    @Property(tries = 200)
    void noOfferingGetsMoreChildrenThanItHasSeatsAndEachChildGetsOneOfItsChoices(@ForAll("draws") Draw draw) {
        Result result = Lottery.draw(draw.seed(), draw.seats(), draw.applications(), draw.siblings());
        Map<UUID, Integer> filled = new HashMap<>();
        result.placed().values().forEach(o -> filled.merge(o, 1, Integer::sum));
        filled.forEach(
                (offering, n) -> assertThat(n).isLessThanOrEqualTo(draw.seats().get(offering)));
        for (Application a : draw.applications()) {
            UUID got = result.placed().get(a.childId());
            if (got != null) {
                assertThat(a.choices()).contains(got);
                assertThat(result.waiting().values()).noneMatch(list -> list.contains(a.childId()));
            } else if (!a.choices().isEmpty()) {
                assertThat(result.waiting().get(a.choices().getFirst())).contains(a.childId());
            }
        }
        assertThat(result.order()).hasSameSizeAs(draw.applications()).doesNotHaveDuplicates();
    }

    @Property(tries = 300)
    void noChildIsDisplacedByAChildOfALowerPriorityGroup(@ForAll("draws") Draw draw) {
        Result result = Lottery.draw(draw.seed(), draw.seats(), draw.applications(), Siblings.SEPARATELY);
        for (Application higher : draw.applications()) {
            UUID got = result.placed().get(higher.childId());
            int gotRank = got == null ? Integer.MAX_VALUE : higher.choices().indexOf(got);
            for (Application lower : draw.applications()) {
                UUID taken = result.placed().get(lower.childId());
                if (lower.priority() < higher.priority() && taken != null) {
                    int wanted = higher.choices().indexOf(taken);
                    assertThat(wanted < 0 || wanted >= gotRank)
                            .as(
                                    "%s (group %d) ranked %s above what it got, held by %s (group %d)",
                                    higher.childId(), higher.priority(), taken, lower.childId(), lower.priority())
                            .isTrue();
                }
            }
        }
    }

    @Property(tries = 300)
    void aChildWithoutASeatFoundEveryOneOfItsChoicesFull(@ForAll("draws") Draw draw) {
        Result result = Lottery.draw(draw.seed(), draw.seats(), draw.applications(), Siblings.SEPARATELY);
        Map<UUID, Integer> filled = new HashMap<>();
        result.placed().values().forEach(o -> filled.merge(o, 1, Integer::sum));
        for (Application a : draw.applications()) {
            if (!result.placed().containsKey(a.childId())) {
                a.choices()
                        .forEach(o -> assertThat(filled.getOrDefault(o, 0))
                                .isEqualTo(draw.seats().get(o)));
            }
        }
    }

    @Property(tries = 300)
    void siblingsDrawnTogetherAreAllPlacedInTheSameOfferingOrNoneIs(@ForAll("draws") Draw draw) {
        Result result = Lottery.draw(draw.seed(), draw.seats(), draw.applications(), Siblings.TOGETHER);
        Map<String, List<Application>> families = new HashMap<>();
        draw.applications().stream()
                .filter(a -> a.familyId() != null)
                .forEach(a -> families.computeIfAbsent(a.familyId() + ":" + a.choices(), k -> new ArrayList<>())
                        .add(a));
        for (List<Application> family : families.values()) {
            List<UUID> got = family.stream()
                    .map(a -> result.placed().get(a.childId()))
                    .distinct()
                    .toList();
            assertThat(got).as("family %s", family).hasSize(1);
        }
    }

    @Test
    void aDifferentSeedGivesADifferentOrderAndTheSeedMustBePublished() {
        List<Application> many = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            many.add(new Application(id(i), null, 0, List.of(OFFERINGS.getFirst())));
        }
        Map<UUID, Integer> seats = Map.of(OFFERINGS.getFirst(), 10);
        Result a = Lottery.draw("2026-12-01 涧西区 公证种子 73914", seats, many, Siblings.SEPARATELY);
        Result b = Lottery.draw("2026-12-01 涧西区 公证种子 73915", seats, many, Siblings.SEPARATELY);
        assertThat(a.order()).isNotEqualTo(b.order());
        assertThat(a.placed()).hasSize(10);
        assertThat(a.waiting().get(OFFERINGS.getFirst())).hasSize(20);
        assertThatThrownBy(() -> Lottery.draw(" ", seats, many, Siblings.SEPARATELY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSpecialNeedsFamilyGoesFirstAndTwinsGetTheLastTwoSeatsOrNone() {
        UUID twinsFamily = id(500);
        Application twinA = new Application(id(1), twinsFamily, 0, List.of(OFFERINGS.get(0), OFFERINGS.get(1)));
        Application twinB = new Application(id(2), twinsFamily, 0, List.of(OFFERINGS.get(0), OFFERINGS.get(1)));
        Application specialNeeds = new Application(id(3), null, 1, List.of(OFFERINGS.get(0)));
        Map<UUID, Integer> seats = Map.of(OFFERINGS.get(0), 2, OFFERINGS.get(1), 2);
        Result together = Lottery.draw("seed", seats, List.of(twinA, twinB, specialNeeds), Siblings.TOGETHER);
        assertThat(together.order().getFirst()).isEqualTo(specialNeeds.childId());
        assertThat(together.placed()).containsEntry(specialNeeds.childId(), OFFERINGS.get(0));
        assertThat(together.placed())
                .as("one seat left in the first choice is not enough for two")
                .containsEntry(twinA.childId(), OFFERINGS.get(1))
                .containsEntry(twinB.childId(), OFFERINGS.get(1));
    }

    @Test
    void anApplicationHasAtMostThreeDifferentChoices() {
        assertThatThrownBy(() -> new Application(id(1), null, 0, OFFERINGS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Application(id(1), null, 0, List.of(OFFERINGS.get(0), OFFERINGS.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lottery.draw(
                        "seed",
                        Map.of(),
                        List.of(new Application(id(1), null, 0, List.of()), new Application(id(1), null, 0, List.of())),
                        Siblings.SEPARATELY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    record Draw(String seed, Map<UUID, Integer> seats, List<Application> applications, Siblings siblings) {}

    @Provide
    Arbitrary<Draw> draws() {
        Arbitrary<Map<UUID, Integer>> seats = Arbitraries.integers()
                .between(0, 6)
                .list()
                .ofSize(OFFERINGS.size())
                .map(list -> {
                    Map<UUID, Integer> map = new HashMap<>();
                    for (int i = 0; i < list.size(); i++) {
                        map.put(OFFERINGS.get(i), list.get(i));
                    }
                    return map;
                });
        Arbitrary<List<Application>> applications = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 6),
                        Arbitraries.of(OFFERINGS)
                                .set()
                                .ofMaxSize(3)
                                .map(ArrayList::new)
                                .map(l -> {
                                    Collections.shuffle(l, new Random(l.hashCode()));
                                    return (List<UUID>) l;
                                }))
                .as((priority, family, choices) -> new Object[] {priority, family, choices})
                .list()
                .ofMaxSize(25)
                .map(rows -> {
                    List<Application> list = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        Object[] r = rows.get(i);
                        int family = (Integer) r[1];
                        @SuppressWarnings("unchecked")
                        List<UUID> choices = (List<UUID>) r[2];
                        list.add(new Application(
                                id(i + 1), family == 0 ? null : id(1000 + family), (Integer) r[0], choices));
                    }
                    return list;
                });
        return Combinators.combine(
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                        seats,
                        applications,
                        Arbitraries.of(Siblings.class))
                .as(Draw::new);
    }

    static UUID id(int n) {
        return UUID.fromString("00000000-0000-7000-8000-%012d".formatted(n));
    }
}
