package io.kalamdb.server;

import io.kalamdb.api.ApiServices;
import io.kalamdb.api.HttpApiServer;
import io.kalamdb.commons.config.ServerConfig;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.bootstrap.Bootstrap;
import io.kalamdb.server.config.ConfigException;
import io.kalamdb.server.config.ConfigLoader;
import io.kalamdb.server.config.ConfigValidator;
import io.kalamdb.server.config.LoadedConfig;
import io.kalamdb.server.logging.LoggingSetup;
import io.kalamdb.store.RocksDbBackend;
import io.kalamdb.store.StoreLockedException;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** The start sequence and the graceful shutdown of a server process (spec config.md §4). */
public final class ServerRunner {
    private static final Logger log = LoggerFactory.getLogger(ServerRunner.class);

    private ServerRunner() {
    }

    /** Runs the server until SIGTERM/SIGINT; returns the process exit code. */
    public static int run(Path configPath) {
        ServerConfig config;
        List<String> warnings = new ArrayList<>();
        try {
            config = loadConfig(configPath, warnings);
            LoggingSetup.configure(config.logging());
        } catch (ConfigException e) {
            System.err.println("FATAL: " + e.getMessage());
            return 1;
        }
        warnings.forEach(w -> log.warn("{}", w));
        Path dataPath = Path.of(config.storage().dataPath());
        log.info("Data directory {}; logs in {}", dataPath, Path.of(config.logging().logsPath()));

        RocksDbBackend backend;
        try {
            backend = RocksDbBackend.open(dataPath.resolve("rocksdb"), config.storage().rocksdb());
        } catch (StoreLockedException e) {
            return fatal("data directory " + dataPath + " is in use by another process");
        } catch (KalamDbException e) {
            return fatal("cannot open the data directory " + dataPath + ": " + e.getMessage());
        }
        HttpApiServer server;
        AppContext ctx;
        int port;
        try {
            ctx = AppContext.create(config, backend, Clock.systemUTC());
            Bootstrap.run(ctx);
            ctx.start();
            resetTmpDir(dataPath.resolve("tmp"));
            BuildInfo build = BuildInfo.load();
            ApiServices services = ApiServices.create(ctx, build.version(), build.buildDate());
            services.sql().warmUp();
            server = new HttpApiServer(services);
            try {
                port = server.start();
            } catch (Exception e) {
                server.stop();
                ctx.stop();
                String reason = e instanceof BindException ? e.getMessage() : e.toString();
                backend.close();
                return fatal("cannot bind " + config.server().host() + ":" + config.server().port() + ": " + reason);
            }
            Files.writeString(dataPath.resolve("server.port"), port + "\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            log.error("Startup failed", e);
            backend.close();
            return fatal("startup failed: " + e.getMessage());
        }
        log.info("KalamDB listening on {}:{}", config.server().host(), port);

        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Shutting down");
        server.stop();
        ctx.stop();
        backend.close();
        log.info("Shutdown complete");
        LoggingSetup.stop();
        return 0;
    }

    /** Loads, applies the JWT rule and validates; warnings are collected for logging once logging is set up. */
    static ServerConfig loadConfig(Path configPath, List<String> warnings) {
        LoadedConfig loaded = ConfigLoader.load(configPath);
        warnings.addAll(loaded.warnings());
        ServerConfig config = ConfigValidator.applyJwtSecretRule(loaded.config(), warnings);
        warnings.addAll(ConfigValidator.validate(config));
        return config;
    }

    /** {@code <data_path>/tmp} is staging space: cleared at every start. */
    private static void resetTmpDir(Path tmp) throws IOException {
        if (Files.exists(tmp)) {
            try (Stream<Path> paths = Files.walk(tmp)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(tmp)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(tmp);
    }

    private static int fatal(String message) {
        System.err.println("FATAL: " + message);
        log.error("FATAL: {}", message);
        return 1;
    }
}
