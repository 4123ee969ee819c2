package io.mystocks.ingest.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Kafka's health as last seen by a background probe. A health request only reads the cached result, so
 * that a burst of health checks never turns into a burst of admin calls, and a slow cluster never makes
 * the health endpoint slow. DOWN until the first probe succeeds.
 */
public final class KafkaHealthIndicator implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(KafkaHealthIndicator.class);

    private final Admin admin;
    private final String bootstrapServers;
    private final Duration timeout;
    private final Clock clock;
    private volatile Health health;
    /** Null until the first probe, so that the first answer is always logged. */
    private volatile Boolean reachable;

    KafkaHealthIndicator(Admin admin, String bootstrapServers, Duration timeout, Clock clock) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.clock = clock;
        this.health = Health.down().withDetail("bootstrap_servers", bootstrapServers)
                .withDetail("reason", "not probed yet").build();
    }

    /** Asks the cluster to describe itself and caches the answer; logs only when reachability changes. */
    public void probe() {
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        try {
            Collection<Node> nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            health = Health.up().withDetail("bootstrap_servers", bootstrapServers)
                    .withDetail("cluster_id", clusterId).withDetail("brokers", nodes.size())
                    .withDetail("checked_at", clock.instant().toString()).build();
            changeReachable(true, null);
        } catch (ExecutionException e) {
            down(e.getCause());
        } catch (TimeoutException e) {
            down(new TimeoutException("no answer within " + timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Health health() {
        return health;
    }

    private void down(Throwable cause) {
        health = Health.down().withDetail("bootstrap_servers", bootstrapServers)
                .withDetail("error", String.valueOf(cause)).withDetail("checked_at", clock.instant().toString())
                .build();
        changeReachable(false, cause);
    }

    private void changeReachable(boolean now, Throwable cause) {
        if (Boolean.valueOf(now).equals(reachable)) {
            return;
        }
        reachable = now;
        if (now) {
            log.info("Kafka at {} is reachable", bootstrapServers);
        } else {
            log.warn("Kafka at {} is not reachable: {}", bootstrapServers, String.valueOf(cause));
        }
    }
}
