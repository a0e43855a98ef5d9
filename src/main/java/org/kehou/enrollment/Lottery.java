package org.kehou.enrollment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The registration lottery of a window (ENROL-2): guardians apply during the window with up to three ranked choices
 * per child; after closing, the draw puts every child in an order and gives each, in that order, the first of their
 * choices that still has a seat (random serial dictatorship: nobody gains by ranking against their wishes).
 *
 * <p>The order is fair and reproducible: children of a higher priority group set by the school (e.g. special-needs
 * families) come first; within a group, the order is that of SHA-256(seed ‖ child id), with the seed published
 * before the draw, so anyone holding the inputs and the seed can recompute it, and neither the order of the
 * applications nor the time of the draw changes the result. A child is never displaced by one of a lower group.
 *
 * <p>With {@link Siblings#TOGETHER}, children of one family who apply with the same choices are drawn as one unit at
 * the place of their best member: they get the first choice with seats for all of them, or none of their choices.
 * Children without a seat are put on the waiting list of their first choice in draw order.
 */
final class Lottery {

    /** Choices a child may rank. */
    static final int MAX_CHOICES = 3;

    private Lottery() {}

    /** Draws the seats of a window: the same inputs and seed always give the same result. */
    static Result draw(String seed, Map<UUID, Integer> seats, Collection<Application> applications, Siblings siblings) {
        return run(seed, seats, applications, siblings, null).result();
    }

    /**
     * How one child's turn went in the draw (ENROL-2, explaining a result): the draw run again from the same inputs,
     * noting, when the child's turn came, how many seats each of their choices had left and how many they needed.
     */
    static Turn turn(
            String seed,
            Map<UUID, Integer> seats,
            Collection<Application> applications,
            Siblings siblings,
            UUID childId) {
        Turn turn = run(seed, seats, applications, siblings, childId).turn();
        if (turn == null) {
            throw new IllegalArgumentException("no application of " + childId);
        }
        return turn;
    }

    private static Run run(
            String seed,
            Map<UUID, Integer> seats,
            Collection<Application> applications,
            Siblings siblings,
            @Nullable UUID watched) {
        if (seed.isBlank()) {
            throw new IllegalArgumentException("the seed must be published before the draw");
        }
        Map<UUID, Integer> left = new TreeMap<>(seats);
        List<Unit> units = units(seed, applications, siblings);
        Map<UUID, UUID> placed = new LinkedHashMap<>();
        List<UUID> order = new ArrayList<>();
        Map<UUID, List<UUID>> waiting = new TreeMap<>();
        Turn turn = null;
        for (Unit unit : units) {
            unit.members().forEach(m -> order.add(m.childId()));
            if (watched != null
                    && unit.members().stream().anyMatch(m -> m.childId().equals(watched))) {
                Map<UUID, Integer> before = new LinkedHashMap<>();
                unit.choices().forEach(o -> before.put(o, left.getOrDefault(o, 0)));
                turn = new Turn(
                        order.indexOf(watched) + 1,
                        drawKey(seed, watched),
                        unit.priority(),
                        unit.members().size(),
                        before);
            }
            UUID seat = unit.choices().stream()
                    .filter(o -> left.getOrDefault(o, 0) >= unit.members().size())
                    .findFirst()
                    .orElse(null);
            if (seat != null) {
                left.merge(seat, -unit.members().size(), Integer::sum);
                unit.members().forEach(m -> placed.put(m.childId(), seat));
            } else if (!unit.choices().isEmpty()) {
                unit.members()
                        .forEach(m -> waiting.computeIfAbsent(unit.choices().getFirst(), k -> new ArrayList<>())
                                .add(m.childId()));
            }
        }
        return new Run(new Result(seed, order, placed, waiting), turn);
    }

    private record Run(Result result, @Nullable Turn turn) {}

    /**
     * A child's turn in the draw.
     *
     * @param position the child's place in the draw order, 1 first
     * @param key the child's draw key from the seed, which orders children of one priority group
     * @param priority the priority group the child (or the siblings drawn with them) was drawn in
     * @param needed the seats the child's unit needed: 1, or the number of siblings drawn together
     * @param seatsLeft each choice, in rank, with the seats it had left when the turn came
     */
    record Turn(int position, String key, int priority, int needed, Map<UUID, Integer> seatsLeft) {

        Turn {
            seatsLeft = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seatsLeft));
        }
    }

    /** The key that orders children of one priority group: SHA-256 of the seed and the child's id, in hex. */
    static String drawKey(String seed, UUID childId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(seed.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(childId.toString().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Unit> units(String seed, Collection<Application> applications, Siblings siblings) {
        Map<UUID, Application> byChild = new TreeMap<>();
        for (Application a : applications) {
            if (byChild.put(a.childId(), a) != null) {
                throw new IllegalArgumentException("one application per child: " + a.childId());
            }
        }
        List<Unit> units = new ArrayList<>();
        if (siblings == Siblings.TOGETHER) {
            Map<String, List<Application>> families = byChild.values().stream()
                    .collect(Collectors.groupingBy(
                            a -> a.familyId() == null
                                    ? "child:" + a.childId()
                                    : "family:" + a.familyId() + ":" + a.choices(),
                            TreeMap::new,
                            Collectors.toList()));
            families.values().forEach(members -> units.add(Unit.of(seed, members)));
        } else {
            byChild.values().forEach(a -> units.add(Unit.of(seed, List.of(a))));
        }
        units.sort(Comparator.comparingInt(Unit::priority).reversed().thenComparing(Unit::key));
        return units;
    }

    /** Whether children of one family are placed together or each on their own. */
    enum Siblings {
        TOGETHER,
        SEPARATELY
    }

    /**
     * A child's application.
     *
     * @param familyId the family that siblings share (e.g. their guardian), or null
     * @param priority the school's priority group: higher goes first, 0 for everyone else
     * @param choices the offerings wanted, most wanted first, at most {@value #MAX_CHOICES}, no repeats
     */
    record Application(UUID childId, @Nullable UUID familyId, int priority, List<UUID> choices) {

        Application {
            choices = List.copyOf(choices);
            if (choices.size() > MAX_CHOICES) {
                throw new IllegalArgumentException("at most " + MAX_CHOICES + " choices");
            }
            if (Set.copyOf(choices).size() != choices.size()) {
                throw new IllegalArgumentException("a choice is ranked twice");
            }
            if (priority < 0) {
                throw new IllegalArgumentException("priority groups start at 0");
            }
        }
    }

    /** Children drawn together: one child, or siblings with the same choices. */
    private record Unit(List<Application> members, int priority, String key, List<UUID> choices) {

        static Unit of(String seed, List<Application> members) {
            List<Application> sorted = members.stream()
                    .sorted(Comparator.comparing(Application::childId))
                    .toList();
            int priority = sorted.stream().mapToInt(Application::priority).max().orElse(0);
            String key = sorted.stream()
                    .map(a -> drawKey(seed, a.childId()))
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            return new Unit(sorted, priority, key, sorted.getFirst().choices());
        }
    }

    /**
     * The outcome of a draw, kept with its seed.
     *
     * @param order every child in the order drawn
     * @param placed the offering each placed child got
     * @param waiting the waiting list of each first choice, in draw order
     */
    record Result(String seed, List<UUID> order, Map<UUID, UUID> placed, Map<UUID, List<UUID>> waiting) {

        Result {
            order = List.copyOf(order);
            placed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(placed));
            waiting = java.util.Collections.unmodifiableMap(new TreeMap<>(waiting));
        }
    }
}
