package io.mystocks.api.health;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How dependencies are probed for the health report.
 *
 * @param probeInterval pause between two rounds of probes
 * @param probeTimeout  how long one probe may wait for its dependency
 */
@Validated
@ConfigurationProperties("mystocks.health")
record HealthProperties(@DefaultValue("2s") @NotNull Duration probeInterval,
                        @DefaultValue("1500ms") @NotNull Duration probeTimeout) {
}
