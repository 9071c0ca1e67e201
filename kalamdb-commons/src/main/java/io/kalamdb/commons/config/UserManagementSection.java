package io.kalamdb.commons.config;

/** {@code [user_management]}. */
public record UserManagementSection(long deletionGracePeriodDays, String cleanupJobSchedule) {
    public static UserManagementSection defaults() {
        return new UserManagementSection(30, "0 2 * * *");
    }
}
