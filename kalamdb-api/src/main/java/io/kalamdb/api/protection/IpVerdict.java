package io.kalamdb.api.protection;

/**
 * The connection-protection answer for one request of one client IP: let it through, refuse it because the IP
 * is banned ({@code retryAfterSeconds} = the remaining ban, rounded up), or refuse it because the IP's request
 * bucket is empty ({@code retryAfterSeconds} = 1).
 */
public record IpVerdict(Outcome outcome, long retryAfterSeconds) {
    private static final IpVerdict ALLOW = new IpVerdict(Outcome.ALLOWED, 0);
    private static final IpVerdict LIMITED = new IpVerdict(Outcome.RATE_LIMITED, 1);

    /** What happens to the request. */
    public enum Outcome { ALLOWED, BANNED, RATE_LIMITED }

    public static IpVerdict allowed() {
        return ALLOW;
    }

    public static IpVerdict rateLimited() {
        return LIMITED;
    }

    public static IpVerdict banned(long retryAfterSeconds) {
        return new IpVerdict(Outcome.BANNED, retryAfterSeconds);
    }

    public boolean isAllowed() {
        return outcome == Outcome.ALLOWED;
    }
}
