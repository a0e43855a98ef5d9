package org.kehou.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The claims of a rush (ENROL-4): no more than the gate's size at once, and the waiting ones in the order they came,
 * a claim that comes later never taking a turn before them.
 */
class ClaimGateTests {

    @Test
    void noMoreThanItsSizeRunAtOnce() throws Exception {
        ClaimGate gate = new ClaimGate(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // the claims inside meet in threes, so three are inside at once whenever the gate lets three in
        CyclicBarrier three = new CyclicBarrier(3);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            threads.add(Thread.ofVirtual()
                    .start(() -> gate.through(() -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        meet(three);
                        return running.decrementAndGet();
                    })));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void theWaitingClaimsGoInTheOrderTheyCameAndALaterOneQueuesBehindThem() throws Exception {
        ClaimGate gate = new ClaimGate(1);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        // the holder, let go, asks again at once: it must queue behind everyone who waited, not take the place back
        Thread holder = Thread.ofVirtual().start(() -> {
            gate.through(() -> {
                inside.countDown();
                await(release);
                return 0;
            });
            gate.through(() -> order.add(-1));
        });
        await(inside);
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            waiting.add(Thread.ofVirtual().start(() -> gate.through(() -> order.add(n))));
            // the next one comes only once this one waits at the gate
            while (gate.waiting() < i + 1) {
                Thread.onSpinWait();
            }
        }
        release.countDown();
        holder.join();
        for (Thread t : waiting) {
            t.join();
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, -1);
    }

    @Test
    void aPoolLeavesItsHeadroomAndAGateLetsOneThroughAtLeast() {
        assertThat(ClaimGate.forPool(16).size()).isEqualTo(16 - ClaimGate.HEADROOM);
        assertThat(ClaimGate.forPool(2).size()).isEqualTo(1);
        assertThatThrownBy(() -> new ClaimGate(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the claims inside did not meet", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
