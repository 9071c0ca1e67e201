package io.kalamdb.api.http;

/** Handles one route. Runs on a request worker thread, never on the event loop. */
@FunctionalInterface
public interface RouteHandler {
    ApiResponse handle(RequestContext request);
}
