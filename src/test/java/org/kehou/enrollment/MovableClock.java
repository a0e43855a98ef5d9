package org.kehou.enrollment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock in Asia/Shanghai that moves only when a test moves it. */
public final class MovableClock extends Clock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Instant> now;

    public MovableClock(LocalDateTime start) {
        this.now = new AtomicReference<>(start.atZone(SHANGHAI).toInstant());
    }

    public void set(LocalDateTime moment) {
        now.set(moment.atZone(SHANGHAI).toInstant());
    }

    public void advance(Duration duration) {
        now.updateAndGet(i -> i.plus(duration));
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
