package io.mystocks.worker;

import io.mystocks.worker.strategy.Strategy;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts strategy workers in this JVM, each a whole application of its own, with an extra strategy. */
final class Workers {

    private Workers() {
    }

    /**
     * @param shutdownGrace how long closing the worker lets a running job finish; 0s abandons it at once,
     *                      uncommitted, as a crash would
     */
    static ConfigurableApplicationContext start(JobsTestKit kit, Strategy extra, String workerId,
                                                String shutdownGrace) {
        return new SpringApplicationBuilder(StrategyWorkerApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton(workerId + "-extra", extra))
                // Arguments, because default properties would lose to application.yml.
                .run("--server.port=0",
                        "--mystocks.kafka.bootstrap-servers=" + kit.bootstrapServers(),
                        "--mystocks.redis.address=" + kit.redisAddress(),
                        "--mystocks.jobs.worker-id=" + workerId,
                        "--mystocks.jobs.shutdown-grace=" + shutdownGrace,
                        "--mystocks.jobs.retry-backoff=100ms",
                        // Every tenth stored, so that "RUNNING with progress" is a state a test can wait for.
                        "--mystocks.jobs.progress-interval=0ms",
                        // One consumer per worker, so that "the job this worker holds" is one job.
                        "--mystocks.jobs.concurrency=1");
    }
}
