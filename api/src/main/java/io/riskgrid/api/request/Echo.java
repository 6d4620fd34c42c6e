package io.riskgrid.api.request;

/**
 * How error messages repeat what the caller sent: in full when short, cut after
 * {@value #MAX_LENGTH} characters otherwise, so a message stays readable whatever was posted.
 * <p>
 * Stateless and thread-safe.
 */
public final class Echo {

    /** Characters of a value an error message repeats. */
    public static final int MAX_LENGTH = 40;

    private Echo() {
    }

    /** The value as an error message repeats it; {@code "null"} for none. */
    public static String clip(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH) + "...";
    }
}
