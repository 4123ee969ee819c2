package io.mystocks.load;

import io.gatling.javaapi.http.HttpDsl;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The HTTP protocol every simulation shares. The API limits each client address (2,000 requests/s per
 * replica by default), so a test that plays many clients from one machine spreads its virtual users over
 * the loopback addresses 127.0.0.1 to 127.0.0.N ({@code localAddresses} = N): to the limiter each address
 * is one client, as each of the seed's users would be on its own machine. This needs a 127.x base URL and
 * Linux, where the whole 127.0.0.0/8 block is local; {@code localAddresses=1} turns it off.
 */
final class Protocols {
    static final String LOCAL_ADDRESSES = "localAddresses";

    private static final int MAX_LOOPBACK_ADDRESSES = 254;

    private Protocols() {
    }

    static HttpProtocolBuilder http(Settings settings, int defaultLocalAddresses) {
        URI base = settings.baseUrl();
        HttpProtocolBuilder protocol = HttpDsl.http.baseUrl(base.toString())
                .acceptHeader("application/json")
                .userAgentHeader("mystocks-load-test")
                .disableWarmUp()
                .disableCaching();
        List<String> local = localAddresses(base, settings.integer(LOCAL_ADDRESSES, defaultLocalAddresses, 1));
        return local.size() > 1 ? protocol.localAddresses(local) : protocol;
    }

    /** 127.0.0.1 .. 127.0.0.count when the API is on a 127.x address, otherwise none (the system's choice). */
    static List<String> localAddresses(URI base, int count) {
        if (!base.getHost().startsWith("127.")) {
            return List.of();
        }
        return IntStream.rangeClosed(1, Math.min(count, MAX_LOOPBACK_ADDRESSES)).mapToObj(i -> "127.0.0." + i)
                .toList();
    }
}
