package io.mystocks.api.web;

import java.util.List;

/**
 * A controller whose GET routes the fast lane may answer too. It lists them beside its mappings, each calling
 * the same method Spring would call, so that both paths answer alike.
 */
public interface ReadRoutes {

    List<ReadRoute> readRoutes();
}
