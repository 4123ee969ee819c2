package io.mystocks.api.web;

import java.time.Clock;
import java.util.List;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The web pieces other packages' tests need outside a Spring context, configured as the service has them. */
public final class TestWeb {
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'";

    private TestWeb() {
    }

    /** A mapper writing snake_case, as the service's does. */
    public static JsonMapper mapper() {
        return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    }

    public static Replies replies() {
        return new Replies(mapper());
    }

    public static EnvelopeWriter envelopeWriter(Clock clock) {
        JsonMapper mapper = mapper();
        return new EnvelopeWriter(new Replies(mapper), new Envelopes(clock),
                new ErrorTranslator(DataSize.ofKilobytes(64).toBytes()), mapper, clock);
    }

    public static SecurityHeaders securityHeaders() {
        return new SecurityHeaders(new HttpProperties(DataSize.ofKilobytes(64), CONTENT_SECURITY_POLICY,
                new HttpProperties.Cors(List.of()), true, 10000));
    }
}
