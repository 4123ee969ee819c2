package io.mystocks.bench.jobs;

import io.mystocks.contracts.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Strategy jobs through the whole path of a running stack: HTTP submission, {@code strategy.jobs}, the worker
 * pool, Redis and the result endpoint. Not a test: it prints what it measured.
 *
 * <p>Throughput and latency come from the job states' own timestamps (submitted by the API, finished by a
 * worker), so the polling cadence of this client does not enter them: throughput is the number of jobs over
 * the time from the first submission to the last completion.
 */
public final class JobThroughputBenchmark {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final JobOptions options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong pollCount = new AtomicLong();

    private JobThroughputBenchmark(JobOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        JobReport report = new JobThroughputBenchmark(options).run();
        report.print(System.out);
        System.exit(report.complete() ? 0 : 1);
    }

    private JobReport run() throws IOException, InterruptedException {
        String token = data(get("/api/csrf-token")).get("csrf_token").asString();
        String body = requestBody(kindOf(options.strategy()));
        Instant clientStart = Instant.now();
        Submissions submissions = submitAll(token, body);
        Instant submittedBy = Instant.now();
        Map<String, JobTimes> finished = awaitAll(submissions.jobIds());
        return new JobReport(options, submissions, Duration.between(clientStart, submittedBy),
                List.copyOf(finished.values()), pollCount.get());
    }

    private String kindOf(String strategy) throws IOException, InterruptedException {
        for (JsonNode described : data(get("/api/strategies"))) {
            if (strategy.equals(described.path("id").asString())) {
                return described.path("kind").asString();
            }
        }
        throw new IllegalArgumentException("the API lists no strategy '" + strategy + "'");
    }

    /** A backtest gets one symbol per job in turn; a screen runs with its defaults. */
    private String requestBody(String kind) {
        String params = "backtest".equals(kind) ? "{\"symbols\":[\"%s\"]}" : "{}";
        return "{\"strategy_id\":\"" + options.strategy() + "\",\"params\":" + params + "}";
    }

    private Submissions submitAll(String token, String bodyTemplate) throws InterruptedException {
        Semaphore inFlight = new Semaphore(options.concurrency());
        List<String> jobIds = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < options.jobs(); i++) {
            String body = bodyTemplate.formatted(options.symbols().get(i % options.symbols().size()));
            inFlight.acquire();
            sends.add(submit(token, body, jobIds, refusals).whenComplete((ignored, error) -> inFlight.release()));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        return new Submissions(List.copyOf(jobIds), Map.copyOf(refusals));
    }

    /** Submits one job; a 503 (queue full or Kafka away) is retried after the server's Retry-After. */
    private CompletableFuture<Void> submit(String token, String body, List<String> jobIds,
                                           Map<Integer, Integer> refusals) {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/strategy/execute")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("X-CSRF-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() == 202) {
                jobIds.add(Json.mapper().readTree(response.body()).path("data").path("job_id").asString());
                return CompletableFuture.completedFuture(null);
            }
            refusals.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() != 503) {
                throw new IllegalStateException("submission refused with " + response.statusCode() + ": "
                        + response.body());
            }
            long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(1);
            return CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(retryAfter, TimeUnit.SECONDS))
                    .thenCompose(ignored -> submit(token, body, jobIds, refusals));
        });
    }

    /**
     * Polls the oldest unfinished jobs, at most {@code poll-window} of them per sweep, until all are terminal or
     * the timeout passes. Jobs finish about in the order they were queued, so a window at the head of the queue
     * sees each job soon after it finished while this client, which shares the machine with the stack, stays
     * light: a poll of every unfinished job per sweep made the API's share of the CPU larger than the worker's.
     */
    private Map<String, JobTimes> awaitAll(List<String> jobIds) throws InterruptedException {
        Map<String, JobTimes> finished = new ConcurrentHashMap<>();
        Instant deadline = Instant.now().plus(options.timeout());
        int head = 0;
        while (finished.size() < jobIds.size() && Instant.now().isBefore(deadline)) {
            while (head < jobIds.size() && finished.containsKey(jobIds.get(head))) {
                head++;
            }
            Semaphore inFlight = new Semaphore(options.concurrency());
            List<CompletableFuture<Void>> polls = new ArrayList<>();
            for (int i = head; i < jobIds.size() && polls.size() < options.pollWindow(); i++) {
                String jobId = jobIds.get(i);
                if (!finished.containsKey(jobId)) {
                    inFlight.acquire();
                    polls.add(poll(jobId, finished).whenComplete((ignored, error) -> inFlight.release()));
                }
            }
            CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).exceptionally(error -> null).join();
            pollCount.addAndGet(polls.size());
            Thread.sleep(options.pollInterval());
        }
        return finished;
    }

    private CompletableFuture<Void> poll(String jobId, Map<String, JobTimes> finished) {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/strategy/" + jobId + "/result"))
                .timeout(REQUEST_TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenAccept(response -> {
            if (response.statusCode() == 200) {
                JobTimes.ofTerminal(response.body()).ifPresent(times -> finished.put(jobId, times));
            }
        });
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static JsonNode data(String envelope) {
        return Json.mapper().readTree(envelope).path("data");
    }

    private URI uri(String path) {
        return options.baseUrl().resolve(path);
    }

    /** The accepted job ids, and how often the API refused a submission, by status. */
    record Submissions(List<String> jobIds, Map<Integer, Integer> refusals) {
    }
}
