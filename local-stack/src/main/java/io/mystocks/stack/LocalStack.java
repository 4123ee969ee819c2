package io.mystocks.stack;

import io.mystocks.contracts.Topics;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's entry point. {@code up} runs the whole system on one machine with only a JDK;
 * {@code create-topics} prepares a real cluster, as the container deployment's init job.
 * Exit status: 0 done, 1 failed, 2 bad command line.
 */
public final class LocalStack {
    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration CLUSTER_TIMEOUT = Duration.ofMinutes(3);

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Instant jvmStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        System.exit(run(List.of(args), System.out, System.err, jvmStarted));
    }

    static int run(List<String> args, PrintStream out, PrintStream err, Instant jvmStarted)
            throws InterruptedException {
        Command command;
        try {
            command = CommandLine.parse(args);
        } catch (UsageException e) {
            err.println("mystocks: " + e.getMessage());
            err.println();
            err.print(CommandLine.USAGE);
            return 2;
        }
        return switch (command) {
            case Command.Help help -> {
                out.print(CommandLine.USAGE);
                yield 0;
            }
            case Command.Up up -> new Launcher(up, Clock.systemUTC(), out, err, jvmStarted).run();
            case Command.CreateTopics topics -> createTopics(topics, out, err);
        };
    }

    private static int createTopics(Command.CreateTopics command, PrintStream out, PrintStream err)
            throws InterruptedException {
        try {
            TopicInitializer.Result result = new TopicInitializer(Clock.systemUTC(), CLUSTER_TIMEOUT)
                    .run(command.bootstrapServers(), Topics.all(), command.replicationFactor());
            result.partitionMismatches().forEach(mismatch -> log.warn("Topic {}", mismatch));
            result.aligned().forEach(change -> log.info("Topic config set: {}", change));
            out.printf("Created %d topics with replication factor %d on %s; %d existed already%n",
                    result.created().size(), command.replicationFactor(), command.bootstrapServers(),
                    result.existing().size());
            return 0;
        } catch (IllegalStateException e) {
            err.println("mystocks: " + e.getMessage());
            return 1;
        }
    }
}
