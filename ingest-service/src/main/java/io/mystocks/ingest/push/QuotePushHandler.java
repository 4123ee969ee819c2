package io.mystocks.ingest.push;

import io.mystocks.contracts.Json;
import io.mystocks.ingest.publish.PublishResult;
import io.mystocks.ingest.publish.QuotePublisher;
import io.mystocks.ingest.push.PushReport.Result;
import io.mystocks.ingest.push.PushReport.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/ingest/quotes}: takes a batch of quotes, publishes each one through the
 * {@link QuotePublisher}, and answers, per quote, whether Kafka holds it on {@code market.quotes}, on the
 * dead-letter topic with its reasons, or not for sure.
 *
 * <p>Design note: the answer waits for Kafka's acknowledgements, so a quote reported accepted is durable.
 * Publishing runs on the bounded-elastic scheduler, never on the event loop: the producer's {@code send}
 * blocks while it has no metadata for the topic or its buffer is full, which is exactly when Kafka is down.
 * The body is read into memory only up to the configured bound, so an oversized body costs at most that much.
 */
final class QuotePushHandler {
    static final String TOKEN_HEADER = "X-Ingest-Token";

    private static final Logger log = LoggerFactory.getLogger(QuotePushHandler.class);
    /** Enough of a refused body to see what was wrong; a whole one could exceed Kafka's record size limit. */
    private static final int DEAD_LETTER_PAYLOAD_CHARS = 64 * 1024;

    private final QuotePublisher publisher;
    private final PushProperties settings;
    private final BooleanSupplier ready;
    private final Clock clock;

    /**
     * @param ready whether the topics exist; before that, a quote could create a topic with the wrong layout
     */
    QuotePushHandler(QuotePublisher publisher, PushProperties settings, BooleanSupplier ready, Clock clock) {
        this.publisher = publisher;
        this.settings = settings;
        this.ready = ready;
        this.clock = clock;
    }

    Mono<ServerResponse> push(ServerRequest request) {
        String requestId = RequestIds.resolve(request.headers().firstHeader(RequestIds.HEADER));
        if (settings.tokenRequired() && !tokenMatches(request.headers().firstHeader(TOKEN_HEADER))) {
            return error(HttpStatus.UNAUTHORIZED, "unauthorized", "missing or wrong " + TOKEN_HEADER + " header",
                    requestId);
        }
        if (!ready.getAsBoolean()) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "starting",
                    "the service is still creating its topics; try again in a few seconds", requestId);
        }
        long maxBytes = settings.maxBytes().toBytes();
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > maxBytes) {
            return error(PayloadException.tooLarge(tooLargeMessage(declared + " bytes")), requestId);
        }
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), (int) maxBytes)
                .map(QuotePushHandler::bytes)
                .defaultIfEmpty(new byte[0])
                .publishOn(Schedulers.boundedElastic())
                .flatMap(body -> handle(body, requestId))
                .onErrorResume(DataBufferLimitException.class, e -> error(
                        PayloadException.tooLarge(tooLargeMessage("more than " + maxBytes + " bytes")), requestId));
    }

    private Mono<ServerResponse> handle(byte[] body, String requestId) {
        List<PushRecord> records;
        try {
            records = PushPayload.parse(body, settings.maxRecords());
        } catch (PayloadException e) {
            return e.status() == HttpStatus.BAD_REQUEST.value() ? refuse(body, e, requestId) : error(e, requestId);
        }
        List<CompletableFuture<Result>> outcomes = new ArrayList<>(records.size());
        records.forEach(record -> outcomes.add(publish(record, requestId)));
        // Acknowledgements complete on the producer's I/O thread; the answer is built elsewhere.
        return Mono.fromFuture(CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                        .thenApply(done -> outcomes.stream().map(CompletableFuture::join).toList()))
                .publishOn(Schedulers.parallel())
                .flatMap(results -> report(PushReport.of(results), requestId));
    }

    private CompletableFuture<Result> publish(PushRecord record, String requestId) {
        CompletableFuture<PublishResult> sent = switch (record) {
            case PushRecord.Readable readable -> publisher.publish(PushPayload.FEED, readable.quote(), requestId);
            case PushRecord.Unreadable unreadable -> publisher.reject(PushPayload.FEED, unreadable.symbol(),
                    unreadable.payload(), unreadable.reasons(), requestId);
        };
        List<String> known = record instanceof PushRecord.Unreadable unreadable ? unreadable.reasons() : List.of();
        return sent.orTimeout(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, error) -> error == null
                        ? new Result(record.index(), result.accepted() ? Status.ACCEPTED : Status.REJECTED,
                                result.reasons())
                        : new Result(record.index(), Status.FAILED, failure(known, error)));
    }

    private List<String> failure(List<String> known, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String why = cause instanceof TimeoutException
                ? "Kafka did not acknowledge it within " + settings.ackTimeout() + "; it may or may not have been"
                        + " written, resend it"
                : "not written: " + cause.getMessage();
        List<String> reasons = new ArrayList<>(known);
        reasons.add(why);
        return reasons;
    }

    private Mono<ServerResponse> report(PushReport report, String requestId) {
        log.debug("Push {}: {} accepted, {} rejected, {} failed of {} quotes", requestId, report.accepted(),
                report.rejected(), report.failed(), report.results().size());
        if (report.failed() > 0) {
            return respond(HttpStatus.SERVICE_UNAVAILABLE, Envelope.error(HttpStatus.SERVICE_UNAVAILABLE.value(),
                    report.failed() + " of " + report.results().size() + " quotes were not acknowledged by Kafka;"
                            + " resend those marked failed", report, null, requestId, now()), requestId);
        }
        String message = report.rejected() == 0 ? Envelope.OK_MESSAGE : report.rejected() + " of "
                + report.results().size() + " quotes rejected; see the reasons in data.results";
        return respond(HttpStatus.OK, Envelope.success(message, report, requestId, now()), requestId);
    }

    /** A body that is not a batch at all: the client hears why, and the body goes to the dead-letter topic. */
    private Mono<ServerResponse> refuse(byte[] body, PayloadException problem, String requestId) {
        String text = new String(body, StandardCharsets.UTF_8);
        String payload = text.length() <= DEAD_LETTER_PAYLOAD_CHARS ? text
                : text.substring(0, DEAD_LETTER_PAYLOAD_CHARS) + "... (first " + DEAD_LETTER_PAYLOAD_CHARS
                        + " of " + text.length() + " characters)";
        CompletableFuture<PublishResult> letter = publisher.reject(PushPayload.FEED, null, payload,
                List.of(problem.getMessage()), requestId);
        // The client's answer does not depend on the dead letter; the publisher counts and logs a failed send.
        return Mono.fromFuture(letter.orTimeout(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .doOnError(e -> log.debug("Push {}: dead letter of the refused body not confirmed: {}", requestId,
                        String.valueOf(e)))
                .onErrorResume(e -> Mono.empty())
                .publishOn(Schedulers.parallel())
                .then(Mono.defer(() -> error(problem, requestId)));
    }

    private Mono<ServerResponse> error(PayloadException problem, String requestId) {
        return error(HttpStatus.valueOf(problem.status()), problem.code(), problem.getMessage(), requestId);
    }

    private Mono<ServerResponse> error(HttpStatus status, String code, String message, String requestId) {
        log.debug("Push {} refused with {}: {}", requestId, status.value(), message);
        Envelope envelope = Envelope.error(status.value(), message, null,
                List.of(new Envelope.FieldError(status == HttpStatus.UNAUTHORIZED ? TOKEN_HEADER : "body", code,
                        message)), requestId, now());
        return respond(status, envelope, requestId);
    }

    private Mono<ServerResponse> respond(HttpStatus status, Envelope envelope, String requestId) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header(RequestIds.HEADER, requestId)
                .bodyValue(Json.mapper().writeValueAsBytes(envelope));
    }

    private String tooLargeMessage(String size) {
        return "the body has " + size + ", at most " + settings.maxBytes().toBytes() + " bytes are taken per"
                + " request; split the batch";
    }

    private boolean tokenMatches(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                settings.token().getBytes(StandardCharsets.UTF_8));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
