package io.kalamdb.commons.enums;

/** Job types with their id prefixes (spec storage.md §14.1). */
public enum JobType {
    FLUSH("flush", "FL"),
    COMPACT("compact", "CO"),
    CLEANUP("cleanup", "CL"),
    RETENTION("retention", "RT"),
    STREAM_EVICTION("stream_eviction", "SE"),
    USER_CLEANUP("user_cleanup", "UC"),
    JOB_CLEANUP("job_cleanup", "JC"),
    BACKUP("backup", "BK"),
    RESTORE("restore", "RS"),
    USER_EXPORT("user_export", "UE"),
    TOPIC_CLEANUP("topic_cleanup", "TC"),
    TOPIC_RETENTION("topic_retention", "TR");

    private final String wireName;
    private final String prefix;

    JobType(String wireName, String prefix) {
        this.wireName = wireName;
        this.prefix = prefix;
    }

    public String wireName() {
        return wireName;
    }

    public String prefix() {
        return prefix;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
