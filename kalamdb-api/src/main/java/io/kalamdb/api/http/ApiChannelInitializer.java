package io.kalamdb.api.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;

/** The pipeline of one HTTP connection: codec, keep-alive, the body limit, then the shared request handler. */
public final class ApiChannelInitializer extends ChannelInitializer<SocketChannel> {
    private final int bodyLimitBytes;
    private final CorsPolicy cors;
    private final HttpRequestHandler handler;

    public ApiChannelInitializer(int bodyLimitBytes, CorsPolicy cors, HttpRequestHandler handler) {
        this.bodyLimitBytes = bodyLimitBytes;
        this.cors = cors;
        this.handler = handler;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast(new HttpServerCodec())
                .addLast(new HttpServerKeepAliveHandler())
                .addLast(new BodyLimitAggregator(bodyLimitBytes, cors))
                .addLast(handler);
    }
}
