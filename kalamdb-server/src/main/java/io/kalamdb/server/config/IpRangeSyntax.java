package io.kalamdb.server.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks IP address and CIDR literals ({@code 10.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}) without
 * any name resolution.
 */
public final class IpRangeSyntax {
    private static final String HEX_DIGITS = "0123456789abcdefABCDEF";

    private IpRangeSyntax() {
    }

    /** True for an IPv4 or IPv6 address, optionally followed by {@code /prefix} (0..32 or 0..128). */
    public static boolean isIpOrCidr(String text) {
        if (text == null) {
            return false;
        }
        String value = text.trim();
        int slash = value.indexOf('/');
        String address = slash >= 0 ? value.substring(0, slash) : value;
        boolean v4 = isIpv4(address);
        if (!v4 && !isIpv6(address)) {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        String prefix = value.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !isDecimal(prefix)) {
            return false;
        }
        return Integer.parseInt(prefix) <= (v4 ? 32 : 128);
    }

    static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !isDecimal(part)) {
                return false;
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String text) {
        if (text.isEmpty()) {
            return false;
        }
        int compressed = text.indexOf("::");
        if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        List<String> groups = new ArrayList<>();
        if (compressed >= 0) {
            addGroups(text.substring(0, compressed), groups);
            addGroups(text.substring(compressed + 2), groups);
        } else {
            addGroups(text, groups);
        }
        int words = 0;
        for (int i = 0; i < groups.size(); i++) {
            String group = groups.get(i);
            if (group.contains(".")) {
                if (i != groups.size() - 1 || !text.endsWith(group) || !isIpv4(group)) {
                    return false;
                }
                words += 2;
            } else if (isHexWord(group)) {
                words += 1;
            } else {
                return false;
            }
        }
        return compressed >= 0 ? words <= 7 : words == 8;
    }

    private static void addGroups(String part, List<String> groups) {
        if (part.isEmpty()) {
            return;
        }
        for (String group : part.split(":", -1)) {
            groups.add(group);
        }
    }

    private static boolean isHexWord(String group) {
        if (group.isEmpty() || group.length() > 4) {
            return false;
        }
        for (int i = 0; i < group.length(); i++) {
            if (HEX_DIGITS.indexOf(group.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDecimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
