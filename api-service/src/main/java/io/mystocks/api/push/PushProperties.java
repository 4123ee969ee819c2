package io.mystocks.api.push;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Realtime push over SSE and WebSocket.
 *
 * @param maxSymbols        the most distinct symbols one connection may subscribe to
 * @param ringSize          events kept per channel and symbol for clients that resume
 * @param maxRetained       the most event data kept for resuming, over all channels; a stream over it
 *                          drops its oldest events first
 * @param retainIdle        how long a stream keeps its events after its last subscriber left, so that
 *                          a client reconnecting within it misses nothing
 * @param heartbeat         the interval of SSE comment lines that keep idle connections open
 * @param stallTimeout      how long a subscriber may be unable to take events before it is disconnected
 * @param sweepInterval     how often stalls and idle streams are checked
 * @param maxPendingReplies WebSocket replies queued for a client that does not read them before it is
 *                          disconnected
 */
@Validated
@ConfigurationProperties("mystocks.push")
record PushProperties(@DefaultValue("50") @Min(1) @Max(10_000) int maxSymbols,
                      @DefaultValue("256") @Min(1) @Max(100_000) int ringSize,
                      @DefaultValue("64MB") @NotNull DataSize maxRetained,
                      @DefaultValue("5m") @NotNull Duration retainIdle,
                      @DefaultValue("15s") @NotNull Duration heartbeat,
                      @DefaultValue("30s") @NotNull Duration stallTimeout,
                      @DefaultValue("1s") @NotNull Duration sweepInterval,
                      @DefaultValue("64") @Min(1) @Max(100_000) int maxPendingReplies) {
}
