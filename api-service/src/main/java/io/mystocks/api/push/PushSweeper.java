package io.mystocks.api.push;

import io.mystocks.api.schedule.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the hub's sweep on a background thread: stalled subscribers, idle rings, message rates. */
final class PushSweeper implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PushSweeper.class);

    private final PushHub hub;
    private final long intervalMillis;
    private final PeriodicTask schedule;

    PushSweeper(PushHub hub, PushProperties properties) {
        this.hub = hub;
        this.intervalMillis = properties.sweepInterval().toMillis();
        this.schedule = new PeriodicTask("push-sweeper", properties.sweepInterval(), properties.sweepInterval(),
                this::sweep);
    }

    @Override
    public void start() {
        schedule.start();
    }

    @Override
    public void stop() {
        schedule.stop();
    }

    @Override
    public boolean isRunning() {
        return schedule.isRunning();
    }

    /** One failed sweep must not end the schedule, which would leave stalled clients connected. */
    private void sweep() {
        try {
            hub.sweep();
        } catch (RuntimeException e) {
            log.error("Push sweep failed; retrying in {} ms", intervalMillis, e);
        }
    }
}
