package io.kalamdb.server;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar kalamdb-server.jar [CONFIG_PATH] | --help | --version | create-user …} (spec config.md §4).
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "Usage:",
            "  java -jar kalamdb-server.jar [CONFIG_PATH]",
            "  java -jar kalamdb-server.jar --help | --version",
            "  java -jar kalamdb-server.jar create-user --name NAME --role ROLE [--password PASSWORD] [--email EMAIL]"
                    + " [--config CONFIG_PATH]");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println(USAGE);
            return;
        }
        if (args.length > 0 && "--version".equals(args[0])) {
            BuildInfo info = BuildInfo.load();
            System.out.println("kalamdb-server " + info.version());
            System.out.println("Commit: " + info.commit());
            System.out.println("Built: " + info.buildDate());
            return;
        }
        if (args.length > 0 && "create-user".equals(args[0])) {
            System.exit(CreateUserCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("Error: unexpected arguments " + String.join(" ", args));
            System.err.println(USAGE);
            System.exit(1);
        }
        Path configPath = args.length == 1 ? Path.of(args[0]) : null;
        System.exit(ServerRunner.run(configPath));
    }
}
