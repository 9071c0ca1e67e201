package io.kalamdb.bench;

import io.kalamdb.bench.http.ClientKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options. {@code serverJar} and {@code out} are null when not given; {@link BenchMain} then derives
 * them from where the benchmark jar lives. {@code url} null means: start the server jar.
 */
public record BenchOptions(Path serverJar, URI url, String user, String password, int iterations, int warmup,
                           Path out, ClientKind client, int threads, double maxSeconds, double warmupSeconds,
                           List<String> scenarios, List<String> serverJavaOptions, boolean keepData, boolean help) {

    public static final int DEFAULT_ITERATIONS = 2000;
    public static final int DEFAULT_WARMUP = 300;
    public static final int DEFAULT_THREADS = 10;
    public static final double DEFAULT_MAX_SECONDS = 10;
    public static final double DEFAULT_WARMUP_SECONDS = 3;

    public static final String USAGE = """
            Usage: java -jar kalamdb-bench.jar [options]

              --server-jar PATH         server jar to start (default: kalamdb-server/target/kalamdb-server.jar)
              --url URL                 benchmark a running server instead of starting one (e.g. http://127.0.0.1:8080)
              --user NAME               login user (default root)
              --password TEXT           login password (default kalamdb123)
              --iterations N            measured operations per scenario, per thread for concurrent_select (default 2000)
              --warmup N                warm-up operations per scenario (default 300)
              --max-seconds S           time budget of each measured phase (default 10)
              --warmup-seconds S        time budget of each warm-up phase (default 3)
              --threads N               client threads of concurrent_select (default 10)
              --scenarios A,B,...       run only these scenarios (default: all)
              --client raw|jdk          HTTP client: raw socket (default) or java.net.http.HttpClient
              --out DIR                 report directory (default kalamdb-bench/target/bench)
              --server-java-opts "..."  extra JVM options for the started server (e.g. "-Xmx1g")
              --keep-data               keep the started server's temporary data directory
              --help                    this text
            """;

    public static BenchOptions parse(String[] args) {
        Path serverJar = null;
        URI url = null;
        String user = "root";
        String password = "kalamdb123";
        int iterations = DEFAULT_ITERATIONS;
        int warmup = DEFAULT_WARMUP;
        Path out = null;
        ClientKind client = ClientKind.RAW;
        int threads = DEFAULT_THREADS;
        double maxSeconds = DEFAULT_MAX_SECONDS;
        double warmupSeconds = DEFAULT_WARMUP_SECONDS;
        List<String> scenarios = List.of();
        List<String> serverJavaOptions = List.of();
        boolean keepData = false;
        boolean help = false;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--keep-data" -> keepData = true;
                default -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("option " + arg + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--server-jar" -> serverJar = Paths.get(value);
                        case "--url" -> url = parseUrl(value);
                        case "--user" -> user = value;
                        case "--password" -> password = value;
                        case "--iterations" -> iterations = positiveInt(arg, value);
                        case "--warmup" -> warmup = nonNegativeInt(arg, value);
                        case "--max-seconds" -> maxSeconds = positiveDouble(arg, value);
                        case "--warmup-seconds" -> warmupSeconds = nonNegativeDouble(arg, value);
                        case "--threads" -> threads = positiveInt(arg, value);
                        case "--scenarios" -> scenarios = splitList(value);
                        case "--client" -> client = ClientKind.parse(value);
                        case "--out" -> out = Paths.get(value);
                        case "--server-java-opts" -> serverJavaOptions = splitWords(value);
                        default -> throw new IllegalArgumentException("unknown option " + arg);
                    }
                }
            }
        }
        return new BenchOptions(serverJar, url, user, password, iterations, warmup, out, client, threads, maxSeconds,
                warmupSeconds, scenarios, serverJavaOptions, keepData, help);
    }

    private static URI parseUrl(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("--url must look like http://host:port, got " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url is not a URL: " + value, e);
        }
    }

    private static int positiveInt(String option, String value) {
        int n = nonNegativeInt(option, value);
        if (n == 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return n;
    }

    private static int nonNegativeInt(String option, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new IllegalArgumentException(option + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got " + value, e);
        }
    }

    private static double positiveDouble(String option, String value) {
        double d = nonNegativeDouble(option, value);
        if (d == 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return d;
    }

    private static double nonNegativeDouble(String option, String value) {
        try {
            double d = Double.parseDouble(value.trim());
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(option + " must be a non-negative number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + value, e);
        }
    }

    private static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return List.copyOf(items);
    }

    private static List<String> splitWords(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }
}
