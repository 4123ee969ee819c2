package io.mystocks.api.web;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Bridges the request id between the Reactor context and the logging MDC. Registered through
 * {@code META-INF/services}, so Reactor's automatic context propagation restores the MDC entry on
 * every thread that continues a request's work.
 */
public final class RequestIdMdcAccessor implements ThreadLocalAccessor<String> {

    @Override
    public Object key() {
        return RequestIds.KEY;
    }

    @Override
    public String getValue() {
        return MDC.get(RequestIds.KEY);
    }

    @Override
    public void setValue(String value) {
        MDC.put(RequestIds.KEY, value);
    }

    @Override
    public void setValue() {
        MDC.remove(RequestIds.KEY);
    }
}
