package io.kalamdb.api.http;

import io.kalamdb.core.system.ServerMetrics;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads each aggregated request on the event loop, resolves the client, runs the connection guard (spec
 * http-api.md §3.2) and answers CORS preflights (§1) there, hands everything else to a worker thread for routing
 * (auth and storage work may block), and writes the answer with keep-alive handling, {@code X-Request-ID} and the
 * CORS headers.
 */
@ChannelHandler.Sharable
public final class HttpRequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(HttpRequestHandler.class);
    private static final String REQUEST_ID = "request_id";
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final Router router;
    private final ClientIpResolver ipResolver;
    private final RequestGuard guard;
    private final CorsPolicy cors;
    private final ExecutorService workers;
    private final ServerMetrics metrics;
    /** Requests handed to a worker whose answer is not written yet. */
    private final AtomicInteger inFlight = new AtomicInteger();

    public HttpRequestHandler(Router router, ClientIpResolver ipResolver, RequestGuard guard, CorsPolicy cors,
                              ExecutorService workers, ServerMetrics metrics) {
        this.router = router;
        this.ipResolver = ipResolver;
        this.guard = guard;
        this.cors = cors;
        this.workers = workers;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        metrics.connectionOpened();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        metrics.connectionClosed();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        long start = System.nanoTime();
        RequestContext rc;
        boolean keepAlive;
        String origin;
        try {
            keepAlive = HttpUtil.isKeepAlive(request);
            origin = request.headers().get(CorsPolicy.ORIGIN);
            String requestId = request.headers().get("X-Request-ID");
            if (requestId == null || requestId.isBlank() || requestId.length() > 128) {
                requestId = newRequestId();
            }
            if (request.decoderResult().isFailure()) {
                send(ctx, Json.error(HttpResponseStatus.BAD_REQUEST, "bad_request", "Malformed HTTP request"),
                        requestId, false, origin);
                return;
            }
            ClientAddress client = ipResolver.resolve((InetSocketAddress) ctx.channel().remoteAddress(),
                    request.headers());
            Optional<ApiResponse> refused = guard.check(client);
            if (refused.isPresent()) {
                log.debug("Request {} refused with {} for client_ip={} (request_id={})", request.method(),
                        refused.get().status().code(), client.ip(), requestId);
                send(ctx, refused.get(), requestId, keepAlive, origin);
                return;
            }
            if (HttpMethod.OPTIONS.equals(request.method())) {
                write(ctx, cors.preflight(request.headers()), requestId, keepAlive);
                return;
            }
            String path = new QueryStringDecoder(request.uri()).path();
            byte[] body = ByteBufUtil.getBytes(request.content());
            boolean https = client.viaTrustedPeer()
                    && "https".equalsIgnoreCase(request.headers().get("X-Forwarded-Proto"));
            rc = new RequestContext(request.method(), path, request.headers(), body, client, requestId, start, https);
        } finally {
            request.release();
        }
        RouteHandler handler = router.route(rc.method(), rc.path());
        inFlight.incrementAndGet();
        try {
            workers.execute(() -> respond(ctx, handler, rc, keepAlive, origin));
        } catch (RejectedExecutionException e) {
            send(ctx, Json.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Server is busy or shutting down"), rc.requestId(), false, origin)
                    .addListener(done -> inFlight.decrementAndGet());
        }
    }

    /**
     * Waits until every request handed to a worker has its answer written (or {@code timeoutMillis} pass), so a
     * shutdown closes no connection whose request was accepted. Returns false on timeout.
     */
    public boolean awaitAnswered(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void respond(ChannelHandlerContext ctx, RouteHandler handler, RequestContext rc, boolean keepAlive,
                         String origin) {
        ApiResponse response;
        MDC.put(REQUEST_ID, rc.requestId());
        try {
            response = handler.handle(rc);
        } catch (RuntimeException | Error e) {
            log.error("Request {} {} failed", rc.method(), rc.path(), e);
            response = Json.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal_error", "Internal server error");
        } finally {
            MDC.remove(REQUEST_ID);
        }
        send(ctx, response, rc.requestId(), keepAlive, origin).addListener(done -> inFlight.decrementAndGet());
    }

    /** Writes an actual (non-preflight) response with the CORS headers for {@code origin}. */
    private ChannelFuture send(ChannelHandlerContext ctx, ApiResponse response, String requestId, boolean keepAlive,
                               String origin) {
        cors.addResponseHeaders(origin, response::header);
        return write(ctx, response, requestId, keepAlive);
    }

    private static ChannelFuture write(ChannelHandlerContext ctx, ApiResponse response, String requestId,
                                       boolean keepAlive) {
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(),
                Unpooled.wrappedBuffer(response.body()));
        if (!HttpResponseStatus.NO_CONTENT.equals(response.status())) {
            out.headers().set(HttpHeaderNames.CONTENT_TYPE, JSON_TYPE);
            out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        }
        out.headers().set("X-Request-ID", requestId);
        response.headers().forEach((k, v) -> out.headers().set(k, v));
        for (String cookie : response.cookies()) {
            out.headers().add(HttpHeaderNames.SET_COOKIE, cookie);
        }
        if (keepAlive) {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        } else {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ChannelFuture f = ctx.writeAndFlush(out);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
        return f;
    }

    static String newRequestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Connection error from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
