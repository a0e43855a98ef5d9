package org.kehou.enrollment;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * At most so many seat claims hold a database connection at once, and the others wait their turn in the order they
 * came (ENROL-4). Without it, in a rush of more attempts than pooled connections, a connection given back goes to
 * whichever request asks next rather than to the one that has waited longest: most attempts are answered at once
 * and a few wait many times as long. Behind the gate no claim waits for the pool, and the attempts are answered
 * first come, first served. Its size stays a few below the pool's, so that the rest of the application still finds
 * a connection during a rush (ADR 0022).
 */
final class ClaimGate {

    /** Connections of the pool left to everything else during a rush. */
    static final int HEADROOM = 4;

    /** How long a claim waits for its turn at most: as long as it would wait for a pooled connection. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Semaphore permits;
    private final int size;

    ClaimGate(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a gate lets at least one claim through");
        }
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    /** The gate for a pool of this many connections: its size less the headroom, at least one. */
    static ClaimGate forPool(int poolSize) {
        return new ClaimGate(Math.max(1, poolSize - HEADROOM));
    }

    /**
     * Runs the claim once its turn has come; refuses it, as the pool would refuse a connection, when its turn has
     * not come within {@link #PATIENCE} or the waiting thread is interrupted.
     */
    <T> T through(Supplier<T> claim) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDataAccessResourceException("interrupted while waiting to claim a seat", e);
        }
        if (!admitted) {
            throw new TransientDataAccessResourceException("no turn to claim a seat within " + PATIENCE);
        }
        try {
            return claim.get();
        } finally {
            permits.release();
        }
    }

    int size() {
        return size;
    }

    /** How many claims are waiting for their turn, for tests and metrics. */
    int waiting() {
        return permits.getQueueLength();
    }
}
