package io.mystocks.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One request per route, named by its route template, each checked for a 2xx status and
 * {@code success: true} in the envelope. State-changing requests carry the user's CSRF token; after a 403
 * the user fetches a new one, as the seed's clients do.
 */
final class Requests {
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String EXECUTE_BODY = "{\"strategy_id\":\"value\",\"params\":{\"top_n\":20,\"min_score\":60}}";

    private static final String TOKEN = "csrfToken";
    private static final String STATUS = "status";
    private static final String JOB_ID = "jobId";
    private static final int FORBIDDEN = 403;
    private static final int OK = 200;
    private static final int REDIRECT = 300;
    /** How every successful envelope begins: the API writes {@code success} first and without spaces. */
    private static final byte[] SUCCESS_OPENING = "{\"success\":true,".getBytes(StandardCharsets.US_ASCII);
    private static final int QUOTED_OPENING = 80;

    private final MarketData data;

    Requests(MarketData data) {
        this.data = data;
    }

    /** GET /api/csrf-token, keeping the token in the session. */
    ChainBuilder fetchToken() {
        return exec(http(Route.CSRF_TOKEN.label()).get("/api/csrf-token")
                .check(succeeded())
                .check(jsonPath("$.data.csrf_token").saveAs(TOKEN)));
    }

    /** The request of a task, or for the strategy task the POST and then its result. */
    ChainBuilder task(Route route) {
        return switch (route) {
            case CACHE_CLEAR -> clearCache();
            case STRATEGY_EXECUTE -> executeStrategy();
            case STRATEGY_RESULT, CSRF_TOKEN -> throw new IllegalArgumentException(route + " is not a task");
            default -> exec(read(route));
        };
    }

    /** A GET of a read route, with the symbol, indicator and interval from the session's last feed. */
    HttpRequestActionBuilder read(Route route) {
        String path = switch (route) {
            case ROOT -> "/";
            case HEALTH -> "/health";
            case CSRF_TOKEN -> "/api/csrf-token";
            case STOCK -> "/api/data/stock/#{symbol}";
            case KLINE -> "/api/data/kline/#{symbol}?interval=#{interval}&limit=" + MarketData.KLINE_LIMIT;
            case REALTIME -> "/api/data/realtime/#{symbol}";
            case BATCH_REALTIME -> "/api/data/batch-realtime?symbols=#{symbols}";
            case INDICATOR -> "/api/indicators/#{symbol}/#{indicator}";
            case INDICATORS_ALL -> "/api/indicators/#{symbol}/all";
            case TECHNICAL_ANALYSIS -> "/api/technical-analysis/#{symbol}";
            case CACHE_STATS -> "/api/cache/stats";
            case CACHE_INFO -> "/api/cache/info";
            case STRATEGIES -> "/api/strategies";
            case CACHE_CLEAR, STRATEGY_EXECUTE, STRATEGY_RESULT ->
                    throw new IllegalArgumentException(route + " is not a plain read");
        };
        return http(route.label()).get(path).check(succeeded());
    }

    MarketData data() {
        return data;
    }

    private ChainBuilder clearCache() {
        return exec(http(Route.CACHE_CLEAR.label()).delete("/api/cache")
                .header(CSRF_HEADER, "#{" + TOKEN + "}")
                .check(succeeded()))
                .exec(renewTokenAfterForbidden());
    }

    private ChainBuilder executeStrategy() {
        return exec(http(Route.STRATEGY_EXECUTE.label()).post("/api/strategy/execute")
                .header(CSRF_HEADER, "#{" + TOKEN + "}")
                .body(StringBody(EXECUTE_BODY)).asJson()
                .check(succeeded())
                .check(jsonPath("$.data.job_id").saveAs(JOB_ID)))
                .exec(renewTokenAfterForbidden())
                .doIf(session -> session.contains(JOB_ID)).then(
                        exec(http(Route.STRATEGY_RESULT.label()).get("/api/strategy/#{" + JOB_ID + "}/result")
                                .check(succeeded())))
                .exec(session -> session.remove(JOB_ID));
    }

    private ChainBuilder renewTokenAfterForbidden() {
        return doIf(Requests::wasForbidden).then(fetchToken())
                .exec(session -> session.remove(STATUS));
    }

    private static boolean wasForbidden(Session session) {
        return session.contains(STATUS) && session.getInt(STATUS) == FORBIDDEN;
    }

    /**
     * Saves the status first, because Gatling stops at the first failing check and the 403 must still be
     * seen; then 2xx (two bounds, so that a failure names the status found); then the envelope's
     * {@code success}.
     */
    private static CheckBuilder[] succeeded() {
        return new CheckBuilder[] {
            status().saveAs(STATUS),
            status().lt(REDIRECT),
            status().gte(OK),
            bodyBytes().validate("envelope success: true", (body, session) -> requireSuccess(body)),
        };
    }

    /**
     * Checks {@code success: true} by the envelope's opening bytes rather than by parsing the whole body as
     * JSON: parsing every response (100 bars of a k-line, every indicator of a symbol) cost the load
     * generator a large share of the CPU it shares with the server under test.
     */
    static byte[] requireSuccess(byte[] body) {
        if (body != null && body.length >= SUCCESS_OPENING.length
                && Arrays.equals(body, 0, SUCCESS_OPENING.length, SUCCESS_OPENING, 0, SUCCESS_OPENING.length)) {
            return body;
        }
        String opening = body == null ? "no body"
                : new String(body, 0, Math.min(body.length, QUOTED_OPENING), StandardCharsets.UTF_8);
        throw new IllegalStateException("the body is not an envelope with success: true: " + opening);
    }
}
