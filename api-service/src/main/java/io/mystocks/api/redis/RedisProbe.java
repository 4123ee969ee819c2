package io.mystocks.api.redis;

import io.mystocks.api.health.DependencyStatus;
import io.mystocks.api.health.PeriodicProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.RedisException;

/** Redis is up when it answers PING within the command timeout. */
final class RedisProbe extends PeriodicProbe {
    private final RedissonClient redisson;
    private final String address;
    private final long timeoutMillis;

    RedisProbe(RedissonClient redisson, String address, Duration timeout) {
        this.redisson = redisson;
        this.address = address;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    protected DependencyStatus probe() {
        long started = System.nanoTime();
        boolean answered;
        try {
            answered = redisson.getRedisNodes(RedisNodes.SINGLE).getInstance()
                    .ping(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RedisException e) {
            return DependencyStatus.down("cannot reach Redis at " + address + ": " + rootMessage(e));
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return answered ? DependencyStatus.up("PONG from " + address + " in " + tookMillis + " ms")
                : DependencyStatus.down("no PONG from " + address + " within " + timeoutMillis + " ms");
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
