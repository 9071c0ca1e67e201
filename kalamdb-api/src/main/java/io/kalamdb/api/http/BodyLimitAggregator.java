package io.kalamdb.api.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Aggregates request bodies up to the configured limit; a larger body, known by {@code Content-Length} or found
 * while streaming a chunked body, is answered 413 {@code BODY_TOO_LARGE} (spec http-api.md §3.2) and the
 * connection is closed. The answer carries the CORS headers, so that a browser can read it.
 */
public final class BodyLimitAggregator extends HttpObjectAggregator {
    private final long maxBytes;
    private final CorsPolicy cors;

    public BodyLimitAggregator(int maxBytes, CorsPolicy cors) {
        super(maxBytes);
        this.maxBytes = maxBytes;
        this.cors = cors;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.writeAndFlush(tooLarge(oversized)).addListener(ChannelFutureListener.CLOSE);
    }

    /** An {@code Expect: 100-continue} request whose declared body is too large gets the same JSON 413. */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object standard = super.newContinueResponse(start, maxContentLength, pipeline);
        if (standard instanceof FullHttpResponse r && r.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
            r.release();
            return tooLarge(start);
        }
        return standard;
    }

    private FullHttpResponse tooLarge(HttpMessage oversized) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "BODY_TOO_LARGE");
        body.put("message", "Request body exceeds maximum allowed size");
        long declared = HttpUtil.getContentLength(oversized, -1L);
        if (declared >= 0) {
            body.put("size_bytes", declared);
        }
        body.put("max_bytes", maxBytes);
        byte[] bytes = Json.bytes(body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        String requestId = oversized.headers().get("X-Request-ID");
        response.headers().set("X-Request-ID", requestId == null || requestId.isBlank() || requestId.length() > 128
                ? HttpRequestHandler.newRequestId() : requestId);
        cors.addResponseHeaders(oversized.headers().get(CorsPolicy.ORIGIN), response.headers()::set);
        return response;
    }
}
