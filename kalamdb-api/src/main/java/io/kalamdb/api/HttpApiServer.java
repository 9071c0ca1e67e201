package io.kalamdb.api;

import io.kalamdb.api.http.ApiChannelInitializer;
import io.kalamdb.api.http.ClientIpResolver;
import io.kalamdb.api.http.CorsPolicy;
import io.kalamdb.api.http.HttpRequestHandler;
import io.kalamdb.api.http.Router;
import io.kalamdb.api.protection.AuthRateLimiter;
import io.kalamdb.api.protection.ConnectionProtection;
import io.kalamdb.api.protection.QueryRateLimiter;
import io.kalamdb.api.routes.AuthRoutes;
import io.kalamdb.api.routes.HealthRoute;
import io.kalamdb.api.routes.LaterPhaseRoute;
import io.kalamdb.api.routes.SqlRoute;
import io.kalamdb.commons.config.ServerConfig;
import io.kalamdb.commons.enums.Role;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Netty HTTP server: routes, pipeline, bind and graceful stop. */
public final class HttpApiServer {
    private static final Logger log = LoggerFactory.getLogger(HttpApiServer.class);
    private static final int WORKER_QUEUE = 10_000;

    private final ServerConfig config;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup ioGroup;
    private final ExecutorService workers;
    private final CorsPolicy cors;
    private final HttpRequestHandler handler;
    private Channel serverChannel;

    public HttpApiServer(ApiServices services) {
        this.config = services.app().config();
        int cpus = Runtime.getRuntime().availableProcessors();
        int ioThreads = config.server().workers() > 0 ? config.server().workers() : Math.min(cpus, 8);
        this.bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.ioGroup = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
        int workerThreads = Math.max(8, cpus * 4);
        this.workers = new ThreadPoolExecutor(workerThreads, workerThreads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WORKER_QUEUE), namedThreads("kalamdb-http-worker"));
        this.cors = new CorsPolicy(config.security().cors());
        this.handler = new HttpRequestHandler(routes(services),
                new ClientIpResolver(config.security().trustedProxyRanges()),
                new ConnectionProtection(config.rateLimit()), cors, workers, services.app().metrics());
    }

    private static Router routes(ApiServices services) {
        HealthRoute health = new HealthRoute(services);
        AuthRoutes auth = new AuthRoutes(services, new AuthRateLimiter(services.app().authRateLimiter()));
        SqlRoute sql = new SqlRoute(services, QueryRateLimiter.create(services.app().config().rateLimit()));
        return new Router()
                .add(HttpMethod.GET, "/health", health)
                .add(HttpMethod.GET, "/v1/api/healthcheck", health)
                .add(HttpMethod.POST, "/v1/api/sql", sql)
                .add(HttpMethod.POST, "/v1/api/auth/login", auth::login)
                .add(HttpMethod.POST, "/v1/api/auth/refresh", auth::refresh)
                .add(HttpMethod.POST, "/v1/api/auth/logout", auth::logout)
                .add(HttpMethod.GET, "/v1/api/auth/me", auth::me)
                .add(HttpMethod.GET, "/v1/api/auth/status", auth::status)
                .add(HttpMethod.POST, "/v1/api/auth/setup", auth::setup)
                .add(HttpMethod.GET, "/v1/ws", new LaterPhaseRoute(services, "/v1/ws", Role.USER, false))
                .add(HttpMethod.POST, "/v1/api/topics/consume",
                        new LaterPhaseRoute(services, "/v1/api/topics/consume", Role.SERVICE, true,
                        "Topic consumption requires service, dba, or system role"))
                .add(HttpMethod.POST, "/v1/api/topics/ack",
                        new LaterPhaseRoute(services, "/v1/api/topics/ack", Role.SERVICE, true,
                        "Topic acknowledgment requires service, dba, or system role"))
                .addPrefix(HttpMethod.GET, "/v1/files/", new LaterPhaseRoute(services, "/v1/files", Role.USER, true))
                .addPrefix(HttpMethod.GET, "/v1/exports/",
                        new LaterPhaseRoute(services, "/v1/exports", Role.USER, true));
    }

    /** Binds {@code server.host:server.port} (0 = any free port) and returns the bound port. */
    public int start() throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ApiChannelInitializer(bodyLimit(), cors, handler));
        serverChannel = bootstrap.bind(config.server().host(), config.server().port()).sync().channel();
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Stops accepting, lets in-flight requests finish (up to 10 s), then releases the event loops. Every wait is
     * bounded: an event loop that misses its shutdown wake-up (seen with Netty's NIO selector) never keeps the
     * process from exiting.
     */
    public void stop() {
        if (serverChannel != null && !serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS)) {
            log.warn("The listening socket did not close within 5 s");
        }
        try {
            if (!handler.awaitAnswered(10_000)) {
                log.warn("In-flight requests did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopLoops(ioGroup, "I/O");
        stopLoops(bossGroup, "accept");
    }

    private static void stopLoops(EventLoopGroup group, String name) {
        if (!group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS)) {
            log.warn("The {} event loops did not stop within 5 s; shutting down without them", name);
        }
    }

    /**
     * {@code rate_limit.request_body_limit_bytes} while {@code enable_connection_protection} is on (config.md
     * [rate_limit]); with protection off, only the largest body a Netty aggregator can hold.
     */
    private int bodyLimit() {
        if (!config.rateLimit().enableConnectionProtection()) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.min(Integer.MAX_VALUE, config.rateLimit().requestBodyLimitBytes());
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
