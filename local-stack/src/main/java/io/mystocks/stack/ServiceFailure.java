package io.mystocks.stack;

/** A service did not become healthy during start-up. */
final class ServiceFailure extends RuntimeException {
    private final Service service;

    ServiceFailure(Service service, String reason) {
        super(service.module() + " " + reason);
        this.service = service;
    }

    Service service() {
        return service;
    }
}
