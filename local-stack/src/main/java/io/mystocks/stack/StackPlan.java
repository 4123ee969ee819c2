package io.mystocks.stack;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;

/**
 * Ports and secrets of one run, taken from {@code stack.properties} where still valid and saved back.
 *
 * @param servicePorts the HTTP port of every service; the API's is the one the user asked for
 */
record StackPlan(int kafkaPort, int controllerPort, int redisPort, Map<Service, Integer> servicePorts,
                 String csrfSecret) {
    StackPlan {
        servicePorts = Map.copyOf(servicePorts);
    }

    /** Chooses every port, reusing the saved ones that are free, and saves the choice. */
    static StackPlan choose(StackProperties properties, int apiPort, SecureRandom random) {
        properties.fixPort(Service.API.portKey(), apiPort);
        int kafka = properties.port("kafka.port");
        int controller = properties.port("kafka.controller.port");
        int redis = properties.port("redis.port");
        Map<Service, Integer> services = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            services.put(service, service == Service.API ? apiPort : properties.port(service.portKey()));
        }
        String secret = properties.csrfSecret(random);
        properties.save();
        return new StackPlan(kafka, controller, redis, services, secret);
    }

    int port(Service service) {
        return servicePorts.get(service);
    }
}
