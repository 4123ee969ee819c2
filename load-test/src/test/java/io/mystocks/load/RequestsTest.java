package io.mystocks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestsTest {
    @Test
    void acceptsAnEnvelopeThatSucceeded() {
        byte[] body = bytes("{\"success\":true,\"code\":0,\"data\":{\"status\":\"healthy\"}}");

        assertThat(Requests.requireSuccess(body)).isSameAs(body);
    }

    @Test
    void refusesAFailedEnvelopeAndQuotesWhatCame() {
        assertThatThrownBy(() -> Requests.requireSuccess(bytes("{\"success\":false,\"code\":404}")))
                .hasMessageContaining("success: true").hasMessageContaining("{\"success\":false,\"code\":404}");
    }

    @Test
    void refusesWhatIsNotAnEnvelope() {
        assertThatThrownBy(() -> Requests.requireSuccess(bytes("<html>true</html>")))
                .hasMessageContaining("<html>");
        assertThatThrownBy(() -> Requests.requireSuccess(bytes("{\"success\":true"))).isNotNull();
        assertThatThrownBy(() -> Requests.requireSuccess(new byte[0])).hasMessageContaining("success: true");
        assertThatThrownBy(() -> Requests.requireSuccess(null)).hasMessageContaining("no body");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
