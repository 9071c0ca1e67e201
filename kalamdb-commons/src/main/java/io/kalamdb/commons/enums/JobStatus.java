package io.kalamdb.commons.enums;

/** Job statuses (spec storage.md §14.2). */
public enum JobStatus {
    NEW("new"),
    QUEUED("queued"),
    RUNNING("running"),
    RETRYING("retrying"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    SKIPPED("skipped");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Completed, failed, cancelled or skipped. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED || this == SKIPPED;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
