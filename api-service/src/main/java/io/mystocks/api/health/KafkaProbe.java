package io.mystocks.api.health;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;

/** Kafka is up when the cluster answers a describe-cluster request within the probe timeout. */
final class KafkaProbe extends PeriodicProbe implements DisposableBean {
    private final Admin admin;
    private final int timeoutMillis;
    private final Object bootstrapServers;

    KafkaProbe(Map<String, Object> adminProperties, Duration timeout) {
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        Map<String, Object> config = new HashMap<>(adminProperties);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "mystocks-api-health");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        this.bootstrapServers = config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        this.admin = Admin.create(config);
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    protected DependencyStatus probe() {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis));
        try {
            Collection<Node> nodes = cluster.nodes().get(timeoutMillis + 500L, TimeUnit.MILLISECONDS);
            String clusterId = cluster.clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS);
            return DependencyStatus.up(nodes.size() + " broker(s) in cluster " + clusterId);
        } catch (ExecutionException e) {
            return unreachable(e.getCause().getMessage());
        } catch (TimeoutException e) {
            return unreachable("no answer within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable("probe interrupted");
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }

    private DependencyStatus unreachable(String why) {
        return DependencyStatus.down("cannot reach Kafka at " + bootstrapServers + ": " + why);
    }
}
