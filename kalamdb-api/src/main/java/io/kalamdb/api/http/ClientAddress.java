package io.kalamdb.api.http;

/** A request's client IP after the trusted-proxy rules; {@code viaTrustedPeer} is true when headers were trusted. */
public record ClientAddress(String ip, boolean local, boolean viaTrustedPeer) {
}
