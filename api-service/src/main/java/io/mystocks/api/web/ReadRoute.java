package io.mystocks.api.web;

import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * One GET route the fast lane answers (besides Spring's mapping of it): its path template, as the controller's
 * mapping spells it ({@code /api/data/stock/{symbol}}), and the controller method that answers it.
 */
public final class ReadRoute {
    private final String template;
    private final Function<ReadRequest, ? extends Reply<?>> now;
    private final Function<ReadRequest, ? extends Mono<? extends Reply<?>>> later;

    private ReadRoute(String template, Function<ReadRequest, ? extends Reply<?>> now,
                      Function<ReadRequest, ? extends Mono<? extends Reply<?>>> later) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a route template starts with '/': " + template);
        }
        this.template = template;
        this.now = now;
        this.later = later;
    }

    /** A route answered at once, on the event loop. */
    public static ReadRoute of(String template, Function<ReadRequest, ? extends Reply<?>> answer) {
        return new ReadRoute(template, Objects.requireNonNull(answer, "answer"), null);
    }

    /** A route whose answer may come later, such as one that may have to ask Redis. */
    public static ReadRoute deferred(String template,
                                     Function<ReadRequest, ? extends Mono<? extends Reply<?>>> answer) {
        return new ReadRoute(template, null, Objects.requireNonNull(answer, "answer"));
    }

    public String template() {
        return template;
    }

    /** Whether the answer comes at once ({@link #answerNow}) rather than later ({@link #answerLater}). */
    public boolean immediate() {
        return now != null;
    }

    public Reply<?> answerNow(ReadRequest request) {
        return now.apply(request);
    }

    public Mono<? extends Reply<?>> answerLater(ReadRequest request) {
        return later.apply(request);
    }

    @Override
    public String toString() {
        return "GET " + template;
    }
}
