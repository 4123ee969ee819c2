package io.mystocks.api.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/** A shared cache in memory that can be made to fail or to hang, as Redis might. */
final class FakeSharedCache implements SharedCache {
    final Map<String, String> entries = new ConcurrentHashMap<>();
    final Map<String, Duration> ttls = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    volatile boolean failing;
    volatile boolean hanging;
    /** When set, reads wait for it: a Redis that answers late. */
    volatile Mono<Void> readsWaitFor;

    @Override
    public Mono<String> get(String key) {
        Mono<String> read = Mono.fromSupplier(() -> entries.get(key));
        Mono<Void> wait = readsWaitFor;
        return call(wait == null ? read : wait.then(read));
    }

    @Override
    public Mono<Void> put(String key, String value, Duration ttl) {
        return call(Mono.fromRunnable(() -> {
            entries.put(key, value);
            ttls.put(key, ttl);
        }));
    }

    @Override
    public Mono<Long> count() {
        return call(Mono.fromSupplier(() -> (long) entries.size()));
    }

    @Override
    public Mono<Long> clear() {
        return call(Mono.fromSupplier(() -> {
            long before = entries.size();
            entries.clear();
            return before;
        }));
    }

    @Override
    public String describe() {
        return "redis://fake:6379";
    }

    private <T> Mono<T> call(Mono<T> action) {
        return Mono.defer(() -> {
            calls.incrementAndGet();
            if (hanging) {
                return Mono.never();
            }
            return failing ? Mono.error(new IllegalStateException("Redis is down")) : action;
        });
    }
}
