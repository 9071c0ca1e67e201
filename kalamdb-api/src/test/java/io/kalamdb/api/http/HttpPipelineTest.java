package io.kalamdb.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kalamdb.api.protection.ConnectionProtection;
import io.kalamdb.commons.config.CorsSection;
import io.kalamdb.commons.config.RateLimitSection;
import io.kalamdb.core.system.ServerMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real pipeline over loopback TCP: body limit, connection protection, CORS, routing. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class HttpPipelineTest {
    private static final String APP = "https://app.example.com";
    private static final String REMOTE = "203.0.113.9";

    private EventLoopGroup group;
    private ExecutorService workers;
    private Channel server;
    private HttpClient client;
    private String base;

    @BeforeEach
    void start() throws InterruptedException {
        RateLimitSection limits = new RateLimitSection(100, 50, 10, 20, 3, 1024, 300, true, 1000, 600);
        CorsSection corsConfig = new CorsSection(List.of(APP), List.of("GET", "POST"),
                List.of("Authorization", "Content-Type"), List.of("X-Request-ID"), 600, false);
        CorsPolicy cors = new CorsPolicy(corsConfig);
        Router router = new Router()
                .add(HttpMethod.GET, "/v1/ping", request -> Json.response(HttpResponseStatus.OK,
                        Map.of("client", request.client().ip())))
                .add(HttpMethod.POST, "/v1/echo", request -> new ApiResponse(HttpResponseStatus.OK, request.body()));
        workers = Executors.newFixedThreadPool(2);
        long frozenNanos = System.nanoTime();
        HttpRequestHandler handler = new HttpRequestHandler(router, new ClientIpResolver(List.of("127.0.0.1")),
                new ConnectionProtection(limits, () -> frozenNanos), cors, workers, new ServerMetrics());
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ApiChannelInitializer(1024, cors, handler))
                .bind("127.0.0.1", 0).sync().channel();
        base = "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterEach
    void stop() {
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        workers.shutdownNow();
    }

    private HttpResponse<String> get(String path, String forwardedFor, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void forwardedRemoteClientIsRateLimitedThenBanned() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = get("/v1/ping", REMOTE, null);
            assertEquals(200, ok.statusCode());
            assertEquals("{\"client\":\"" + REMOTE + "\"}", ok.body());
        }
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> limited = get("/v1/ping", REMOTE, APP);
            assertEquals(429, limited.statusCode());
            assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("{\"error\":\"RATE_LIMIT_EXCEEDED\",\"message\":\"Too many requests from your IP address\","
                    + "\"retry_after_seconds\":1}", limited.body());
            assertEquals(APP, limited.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        }
        HttpResponse<String> banned = get("/v1/nope", REMOTE, null);
        assertEquals(429, banned.statusCode(), "a ban applies before routing, even to unknown paths");
        assertEquals("300", banned.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("{\"error\":\"IP_BANNED\",\"message\":\"Your IP has been temporarily banned due to excessive "
                + "requests\",\"retry_after_seconds\":300}", banned.body());
        assertEquals(200, get("/v1/ping", "198.51.100.7", null).statusCode(), "other clients are unaffected");
    }

    @Test
    void loopbackClientIsNeverLimited() throws Exception {
        for (int i = 0; i < 30; i++) {
            assertEquals(200, get("/v1/ping", null, null).statusCode());
        }
        assertEquals(200, get("/v1/ping", "127.0.0.1", null).statusCode(), "forwarded loopback uses the peer");
    }

    @Test
    void preflightIsAnsweredForAnyPath() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/api/sql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", APP).header("Access-Control-Request-Method", "POST").build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(204, response.statusCode());
        assertEquals(APP, response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("GET, POST", response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertEquals("Authorization, Content-Type",
                response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
        assertEquals("600", response.headers().firstValue("Access-Control-Max-Age").orElseThrow());
        assertEquals("Origin", response.headers().firstValue("Vary").orElseThrow());
        assertFalse(response.headers().firstValue("Access-Control-Allow-Credentials").isPresent());

        HttpRequest evil = HttpRequest.newBuilder(URI.create(base + "/v1/ping"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET").build();
        HttpResponse<String> refused = client.send(evil, HttpResponse.BodyHandlers.ofString());
        assertEquals(204, refused.statusCode());
        assertFalse(refused.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertFalse(refused.headers().firstValue("Access-Control-Allow-Methods").isPresent());
    }

    @Test
    void actualResponsesCarryCorsHeadersForAnAllowedOrigin() throws Exception {
        HttpResponse<String> ok = get("/v1/ping", null, APP);
        assertEquals(APP, ok.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("X-Request-ID", ok.headers().firstValue("Access-Control-Expose-Headers").orElseThrow());
        assertEquals("Origin", ok.headers().firstValue("Vary").orElseThrow());

        HttpResponse<String> other = get("/v1/ping", null, "https://evil.example");
        assertEquals(200, other.statusCode());
        assertFalse(other.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertFalse(other.headers().firstValue("Access-Control-Expose-Headers").isPresent());

        HttpResponse<String> notFound = get("/v1/nope", null, APP);
        assertEquals(404, notFound.statusCode());
        assertEquals(APP, notFound.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    }

    @Test
    void oversizedBodyIs413EvenForLoopbackWithCorsHeaders() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000))).header("Origin", APP).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals("{\"error\":\"BODY_TOO_LARGE\",\"message\":\"Request body exceeds maximum allowed size\","
                + "\"size_bytes\":2000,\"max_bytes\":1024}", response.body());
        assertEquals(APP, response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());

        HttpRequest small = HttpRequest.newBuilder(URI.create(base + "/v1/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build();
        assertEquals("hello", client.send(small, HttpResponse.BodyHandlers.ofString()).body());
    }
}
