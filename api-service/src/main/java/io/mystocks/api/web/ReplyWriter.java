package io.mystocks.api.web;

import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Writes a {@link Reply} that a controller returned through Spring's dispatcher: status, headers and the
 * envelope bytes, exactly as the fast lane writes them. The request id is the one the request-id filter put
 * on the response.
 */
final class ReplyWriter implements HttpMessageWriter<Reply<?>> {
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

    private final EnvelopeWriter envelopes;

    ReplyWriter(EnvelopeWriter envelopes) {
        this.envelopes = envelopes;
    }

    @Override
    public List<MediaType> getWritableMediaTypes() {
        return JSON;
    }

    @Override
    public boolean canWrite(ResolvableType elementType, MediaType mediaType) {
        return Reply.class.isAssignableFrom(elementType.toClass())
                && (mediaType == null || MediaType.APPLICATION_JSON.isCompatibleWith(mediaType));
    }

    @Override
    public Mono<Void> write(Publisher<? extends Reply<?>> replies, ResolvableType elementType, MediaType mediaType,
                            ReactiveHttpOutputMessage message, Map<String, Object> hints) {
        return Mono.from(replies).flatMap(reply -> write(reply, message));
    }

    private Mono<Void> write(Reply<?> reply, ReactiveHttpOutputMessage message) {
        if (message instanceof ServerHttpResponse response) {
            response.setStatusCode(reply.status());
        }
        HttpHeaders headers = message.getHeaders();
        String requestId = headers.getFirst(RequestIds.HEADER);
        if (requestId == null) {
            requestId = RequestIds.resolve(null);
            headers.set(RequestIds.HEADER, requestId);
        }
        reply.forEachHeader(headers::set);
        byte[] body = envelopes.envelope(reply, requestId);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentLength(body.length);
        return message.writeWith(Mono.just(message.bufferFactory().wrap(body)));
    }
}
