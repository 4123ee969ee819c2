package io.mystocks.api.strategy;

import io.mystocks.api.web.DependencyUnavailableException;
import io.mystocks.contracts.JobRequest;
import io.mystocks.contracts.JobState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** A job queue and state store in memory, each of which can be made unavailable. */
final class InMemoryJobs implements JobQueue, JobStateStore {
    final List<JobRequest> queued = new CopyOnWriteArrayList<>();
    final Map<String, JobState> states = new ConcurrentHashMap<>();
    final Map<String, String> latest = new ConcurrentHashMap<>();
    final Map<String, Duration> ttls = new ConcurrentHashMap<>();
    volatile boolean kafkaDown;
    volatile boolean redisDown;

    void reset() {
        queued.clear();
        states.clear();
        latest.clear();
        ttls.clear();
        kafkaDown = false;
        redisDown = false;
    }

    @Override
    public Mono<Void> submit(JobRequest request) {
        if (kafkaDown) {
            return Mono.error(new DependencyUnavailableException("kafka", "the job queue (Kafka) did not accept "
                    + "the job; nothing was queued, retry later", Duration.ofSeconds(5), null));
        }
        queued.add(request);
        return Mono.empty();
    }

    @Override
    public Mono<Void> saveQueued(JobState state, Duration retention) {
        return redis().then(Mono.fromRunnable(() -> {
            states.putIfAbsent(state.jobId(), state);
            latest.put(state.strategyId(), state.jobId());
            ttls.put(state.jobId(), retention);
        }));
    }

    @Override
    public Mono<JobState> find(String jobId) {
        return redis().then(Mono.justOrEmpty(states.get(jobId)));
    }

    @Override
    public Mono<String> latestJobId(String strategyId) {
        return redis().then(Mono.justOrEmpty(latest.get(strategyId)));
    }

    private Mono<Void> redis() {
        return redisDown ? Mono.error(new DependencyUnavailableException("redis", "cannot reach Redis now; retry "
                + "later", Duration.ofSeconds(5), null)) : Mono.empty();
    }
}
