package io.mystocks.api.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP limits and browser policy.
 *
 * @param maxBodySize           the largest request body accepted; larger ones get 413
 * @param contentSecurityPolicy the {@code Content-Security-Policy} header of every response
 * @param cors                  which browser origins may call the API
 * @param fastLane              whether the hot GET reads are answered on Netty ahead of Spring's dispatcher
 *                              ({@code io.mystocks.api.fastlane}); off, Spring answers every request
 * @param maxConnections        HTTP connections open at once; one more gets a 503 and is closed, so that a
 *                              flood of connections cannot take the file descriptors the process needs for
 *                              Kafka, Redis and its files. Keep it well below the process's open-file limit
 *                              ({@code ulimit -n})
 */
@Validated
@ConfigurationProperties("mystocks.http")
record HttpProperties(@DefaultValue("64KB") @NotNull DataSize maxBodySize,
                      @DefaultValue("default-src 'self'") @NotBlank String contentSecurityPolicy,
                      @DefaultValue @Valid Cors cors,
                      @DefaultValue("true") boolean fastLane,
                      @DefaultValue("10000") @Min(1) int maxConnections) {

    /**
     * @param allowedOrigins origin patterns such as {@code https://app.example.com} or
     *                       {@code http://localhost:[*]}; empty allows no cross-origin caller
     */
    record Cors(@DefaultValue({}) List<String> allowedOrigins) {
        Cors {
            allowedOrigins = List.copyOf(allowedOrigins);
        }
    }
}
