package io.mystocks.api.health;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How the service names itself in {@code GET /} and {@code GET /health}. */
@Validated
@ConfigurationProperties("mystocks.service")
record ServiceProperties(@DefaultValue("MyStocks API") @NotBlank String name,
                         @DefaultValue("dev") @NotBlank String version) {
}
