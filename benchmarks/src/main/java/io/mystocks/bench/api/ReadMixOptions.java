package io.mystocks.bench.api;

import io.mystocks.bench.Arguments;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of one read-mix run, from {@code --name=value} arguments.
 *
 * @param rate           requests started per second, on schedule whether or not answers keep up; 0 for as many
 *                       as the connections carry, each sending its next request when the answer came
 * @param localAddresses client addresses 127.0.0.1..N the connections are spread over, so that the API's
 *                       per-client rate limit sees N clients
 * @param serverPid      the API's process id, to report its CPU per request; -1 for none
 */
record ReadMixOptions(URI baseUrl, int connections, int rate, Duration duration, Duration warmup,
                      int localAddresses, List<String> symbols, long serverPid) {
    static final String USAGE = "options: --base-url=http://127.0.0.1:8080 --connections=64 --rate=0 "
            + "--duration=30s --warmup=15s --local-addresses=16 --symbols=600519,000001,AAPL,... --server-pid=PID";

    private static final Set<String> NAMES = Set.of("base-url", "connections", "rate", "duration", "warmup",
            "local-addresses", "symbols", "server-pid");
    private static final String SYMBOLS = "600519,000001,000002,600000,000725,601318,600036,000858,601166,"
            + "600276,000333,002594,300750,601012,600030,AAPL,MSFT,NVDA,AMZN,GOOGL,META,TSLA,JPM,V,WMT";

    ReadMixOptions {
        if (connections < 1 || rate < 0 || localAddresses < 1 || symbols.isEmpty() || duration.isNegative()
                || duration.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("connections and local-addresses must be positive, rate not "
                    + "negative, duration positive; " + USAGE);
        }
        symbols = List.copyOf(symbols);
    }

    static ReadMixOptions parse(String... args) {
        Map<String, String> values = Arguments.parse(args, NAMES, USAGE);
        return new ReadMixOptions(
                URI.create(values.getOrDefault("base-url", "http://127.0.0.1:8080")),
                Integer.parseInt(values.getOrDefault("connections", "64")),
                Integer.parseInt(values.getOrDefault("rate", "0")),
                Arguments.duration(values.getOrDefault("duration", "30s")),
                Arguments.duration(values.getOrDefault("warmup", "15s")),
                Integer.parseInt(values.getOrDefault("local-addresses", "16")),
                List.of(values.getOrDefault("symbols", SYMBOLS).split(",")),
                Long.parseLong(values.getOrDefault("server-pid", "-1")));
    }
}
