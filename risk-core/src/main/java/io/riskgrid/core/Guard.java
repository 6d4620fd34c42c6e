package io.riskgrid.core;

/**
 * Argument checks used by domain types at construction. Each failure is an
 * {@link IllegalArgumentException} whose message names the offending field, so that the API can
 * return it to the caller as it is.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class Guard {

    private Guard() {
    }

    /** Returns {@code value} if it is neither null nor blank. */
    public static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** Returns {@code value} if it is not null. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** Returns {@code value} if it is finite and strictly positive. */
    public static double positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, was " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is finite and not negative. */
    public static double notNegative(double value, String name) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be zero or positive, was " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is a finite number (not NaN, not infinite). */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
        return value;
    }

    /** Returns {@code value} if it lies in [min, max]. */
    public static double inRange(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** Returns {@code value} if it is strictly positive. */
    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
