package io.lifeboat.storage.object;

/** Validates object keys, so that no store can be asked to escape its root. */
public final class Keys {

    public static String check(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/")
                || key.contains("//") || key.contains("\\") || key.contains("\0")) {
            throw new IllegalArgumentException("invalid object key: " + key);
        }
        for (String segment : key.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("invalid object key: " + key);
            }
        }
        return key;
    }

    /** A listing prefix: empty, or a key prefix that may end with {@code /}. */
    public static String checkPrefix(String prefix) {
        if (prefix.isEmpty()) {
            return prefix;
        }
        check(prefix.endsWith("/") ? prefix + "x" : prefix);
        return prefix;
    }

    private Keys() {
    }
}
