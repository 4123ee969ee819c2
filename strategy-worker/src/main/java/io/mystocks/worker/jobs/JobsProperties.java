package io.mystocks.worker.jobs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How jobs are consumed and run.
 *
 * @param groupId        the consumer group every worker joins
 * @param maxAttempts    how many times a strategy that throws is run before the job fails for good
 * @param retryBackoff   the pause before running a failed strategy again
 * @param timeLimit      how long one job may run, all attempts together, before it fails
 * @param marketDataWait how long a job waits for the market read model to load before it fails
 * @param retention      how long a job's state stays in Redis
 * @param publishTimeout how long writing to {@code strategy.results} or the dead-letter topic may take
 * @param shutdownGrace  how long stopping waits for a running job before abandoning it to redelivery
 * @param workerId       how job states name this worker; unset means {@code host-pid}
 * @param concurrency    consumers in this worker, each running one job at a time; the group shares the
 *                       partitions of {@code strategy.jobs} among all workers' consumers, so consumers beyond
 *                       the partition count stay idle
 * @param terminalWriteAttempts how many times a terminal state is offered to a Redis that refuses writes (full,
 *                       read-only) before the job is left to {@code strategy.results}, where it already is
 * @param terminalWriteBackoff the pause after the first refusal, doubled after each further one
 * @param progressInterval the least time between two progress steps stored (and cancel requests looked for)
 *                       while a strategy runs, counted from its start: a job shorter than this stores none
 * @param commitInterval how long a consumer may hold the offsets of finished job records before committing
 *                       them; zero commits every record as it finishes
 */
@Validated
@ConfigurationProperties("mystocks.jobs")
record JobsProperties(
        @DefaultValue("mystocks-strategy-workers") @NotBlank String groupId,
        @DefaultValue("3") @Min(1) @Max(20) int maxAttempts,
        @DefaultValue("1s") @DurationMin(millis = 0) Duration retryBackoff,
        @DefaultValue("60s") @DurationMin(millis = 1) Duration timeLimit,
        @DefaultValue("2m") @DurationMin(millis = 0) Duration marketDataWait,
        @DefaultValue("7d") @DurationMin(seconds = 1) Duration retention,
        @DefaultValue("30s") @DurationMin(seconds = 2) Duration publishTimeout,
        @DefaultValue("10s") @DurationMin(millis = 0) Duration shutdownGrace,
        @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}") String workerId,
        @DefaultValue("3") @Min(1) @Max(64) int concurrency,
        @DefaultValue("4") @Min(1) @Max(10) int terminalWriteAttempts,
        @DefaultValue("500ms") @DurationMin(millis = 0) Duration terminalWriteBackoff,
        @DefaultValue("250ms") @DurationMin(millis = 0) @DurationMax(seconds = 10) Duration progressInterval,
        @DefaultValue("200ms") @DurationMin(millis = 0) @DurationMax(seconds = 10) Duration commitInterval) {

    /**
     * The longest time one job can keep the consumer from polling: the worker handles one record at a
     * time, so the group must not evict it while a job runs within its limits.
     */
    Duration maxPollInterval() {
        return timeLimit.plus(marketDataWait)
                .plus(retryBackoff.multipliedBy(maxAttempts - 1L))
                .plus(publishTimeout.multipliedBy(2))
                .plus(terminalWriteWait())
                .plusSeconds(30);
    }

    /** The pauses between the offers of a terminal state to a Redis that refuses writes, all together. */
    Duration terminalWriteWait() {
        return terminalWriteBackoff.multipliedBy((1L << (terminalWriteAttempts - 1)) - 1);
    }
}
