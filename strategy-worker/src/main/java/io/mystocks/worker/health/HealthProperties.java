package io.mystocks.worker.health;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often and how patiently the dependencies are probed for the health endpoint.
 *
 * @param probeInterval the pause between two rounds of probes
 * @param probeTimeout  how long one probe may wait for its dependency before it counts as down
 */
@Validated
@ConfigurationProperties("mystocks.health")
public record HealthProperties(
        @DefaultValue("10s") @DurationMin(millis = 10) Duration probeInterval,
        @DefaultValue("3s") @DurationMin(millis = 10) Duration probeTimeout) {
}
