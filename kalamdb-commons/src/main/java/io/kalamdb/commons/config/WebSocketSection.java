package io.kalamdb.commons.config;

/** {@code [websocket]}. */
public record WebSocketSection(long clientTimeoutSecs, long authTimeoutSecs, long heartbeatIntervalSecs,
                               int subscriptionQueueCapacity, int maxSubscriptionsPerConnection) {
    public static WebSocketSection defaults() {
        return new WebSocketSection(10, 3, 5, 1024, 100);
    }
}
