package io.mystocks.ingest.backfill;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** How far the backfill has got, for the health endpoint. Written by the backfill thread, read by any. */
final class BackfillProgress {
    enum State {
        /** Turned off by configuration. */
        DISABLED,
        /** Waiting for the service to be ready. */
        WAITING,
        RUNNING,
        /** An attempt failed; the next resumes where it stopped. */
        RETRYING,
        /** Every symbol's bars are on the topic. */
        DONE;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private volatile State state;
    private volatile String plan;
    private volatile String error;
    private final AtomicInteger symbolsTotal = new AtomicInteger();
    private final AtomicInteger symbolsDone = new AtomicInteger();
    private final AtomicLong barsWritten = new AtomicLong();
    private final AtomicLong barsFound = new AtomicLong();

    BackfillProgress(boolean enabled) {
        this.state = enabled ? State.WAITING : State.DISABLED;
    }

    void begin(BackfillPlan plan, int total, int alreadyDone) {
        this.plan = plan.id();
        symbolsTotal.set(total);
        symbolsDone.set(alreadyDone);
        state = State.RUNNING;
    }

    void symbolDone(long written, long found) {
        symbolsDone.incrementAndGet();
        barsWritten.addAndGet(written);
        barsFound.addAndGet(found);
    }

    void finished() {
        state = State.DONE;
        error = null;
    }

    void failed(Throwable cause) {
        state = State.RETRYING;
        error = String.valueOf(cause);
    }

    State state() {
        return state;
    }

    long barsWritten() {
        return barsWritten.get();
    }

    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", state.json());
        if (plan != null) {
            details.put("plan", plan);
            details.put("symbols_done", symbolsDone.get());
            details.put("symbols_total", symbolsTotal.get());
            details.put("bars_written", barsWritten.get());
            details.put("bars_already_on_topic", barsFound.get());
        }
        if (error != null) {
            details.put("error", error);
        }
        return details;
    }
}
