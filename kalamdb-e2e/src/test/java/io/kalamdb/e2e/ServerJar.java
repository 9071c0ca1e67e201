package io.kalamdb.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Locates the packaged server jar and the java launcher used to run it. */
final class ServerJar {

    static final String JAR_PROPERTY = "kalamdb.server.jar";

    private ServerJar() {
    }

    /** The server jar named by the {@code kalamdb.server.jar} system property; fails clearly when it is missing. */
    static Path path() {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("System property '" + JAR_PROPERTY + "' is not set. Run the e2e suite through Maven "
                    + "(mvn -B verify), which points it at kalamdb-server/target/kalamdb-server.jar.");
        }
        Path jar = Paths.get(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Server jar not found at " + jar + ". Package the server first "
                    + "(mvn -B -DskipTests package -pl kalamdb-server -am) or run 'mvn -B verify' from the repository root.");
        }
        return jar;
    }

    /** {@code java -XX:... -Djava.io.tmpdir=<tmp> -jar <jar>} followed by the given arguments. */
    static List<String> command(Path jvmTmpDir, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.io.tmpdir=" + jvmTmpDir);
        command.add("-jar");
        command.add(path().toString());
        command.addAll(args);
        return command;
    }
}
