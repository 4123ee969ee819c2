package io.mystocks.api.fastlane;

import io.mystocks.api.web.ReadRequest;
import io.mystocks.api.web.ReadRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches request paths against the routes' templates, segment by segment. A literal segment beats a variable
 * ({@code /api/indicators/{symbol}/all} before {@code /api/indicators/{symbol}/{indicator}}), as Spring's
 * pattern ranking has it. A variable matches one non-empty segment.
 */
final class RouteTable {
    private final List<Compiled> routes;

    RouteTable(List<ReadRoute> routes) {
        Set<String> templates = new HashSet<>();
        List<Compiled> compiled = new ArrayList<>(routes.size());
        for (ReadRoute route : routes) {
            if (!templates.add(route.template())) {
                throw new IllegalArgumentException("two fast-lane routes for " + route.template());
            }
            compiled.add(Compiled.of(route));
        }
        compiled.sort(Comparator.comparingInt(Compiled::variables).thenComparing(c -> c.route().template()));
        this.routes = List.copyOf(compiled);
    }

    int size() {
        return routes.size();
    }

    /** The route of a path that starts with '/', or null. */
    Match match(String path) {
        String[] segments = segments(path);
        if (segments == null) {
            return null;
        }
        for (Compiled route : routes) {
            Match match = route.match(segments);
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    /** The path's segments, or null when it has an empty one (such as a trailing '/'), which no route matches. */
    private static String[] segments(String path) {
        if (path.equals("/")) {
            return new String[0];
        }
        int count = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        String[] segments = new String[count];
        int start = 1;
        for (int i = 0; i < count; i++) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            if (end == start) {
                return null;
            }
            segments[i] = path.substring(start, end);
            start = end + 1;
        }
        return segments;
    }

    /** A matched route and its path variables, by name. */
    record Match(ReadRoute route, String[] names, String[] values) {
        ReadRequest request(String rawQuery) {
            return ReadRequest.of(names, values, rawQuery);
        }
    }

    /**
     * A template as segments: a literal, or null where a variable goes.
     *
     * @param names the variables' names, in order
     */
    private record Compiled(ReadRoute route, String[] literals, String[] names) {
        static Compiled of(ReadRoute route) {
            String[] parts = route.template().equals("/") ? new String[0] : route.template().substring(1).split("/");
            String[] literals = new String[parts.length];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
                    names.add(part.substring(1, part.length() - 1));
                } else if (part.isEmpty() || part.contains("{") || part.contains("*")) {
                    throw new IllegalArgumentException("unsupported route template " + route.template()
                            + ": segments are literals or whole {variables}");
                } else {
                    literals[i] = part;
                }
            }
            return new Compiled(route, literals, names.toArray(String[]::new));
        }

        int variables() {
            return names.length;
        }

        Match match(String[] segments) {
            if (segments.length != literals.length) {
                return null;
            }
            String[] values = new String[names.length];
            int variable = 0;
            for (int i = 0; i < segments.length; i++) {
                if (literals[i] == null) {
                    values[variable++] = segments[i];
                } else if (!literals[i].equals(segments[i])) {
                    return null;
                }
            }
            return new Match(route, names, values);
        }
    }
}
