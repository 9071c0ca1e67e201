package io.kalamdb.e2e;

import java.util.Arrays;
import java.util.List;

/** Exit code and captured output of a process that ran to completion. */
record ProcessResult(int exitCode, String stdout, String stderr) {

    List<String> stdoutLines() {
        return lines(stdout);
    }

    List<String> stderrLines() {
        return lines(stderr);
    }

    String describe() {
        return "exit code " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).toList();
    }
}
