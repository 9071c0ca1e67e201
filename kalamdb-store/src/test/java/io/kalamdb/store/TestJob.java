package io.kalamdb.store;

import java.util.List;

/**
 * Entity used by the store tests.
 *
 * @param id     primary key
 * @param status indexed, one key
 * @param tags   indexed, many keys
 * @param note   nullable
 */
public record TestJob(String id, String status, List<String> tags, String note) {
    TestJob withStatus(String newStatus) {
        return new TestJob(id, newStatus, tags, note);
    }
}
