package io.riskgrid.api.request;

import io.riskgrid.api.error.InvalidInputException;

/**
 * Why an action was taken, as written to AUDIT_LOG. A halt, a resume and an override must say why;
 * setting limits and acknowledging an alert may.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class Reason {

    /** Longest reason kept in the audit log. */
    public static final int MAX_LENGTH = 1000;

    private Reason() {
    }

    /**
     * A reason that must be given.
     *
     * @param reason the request's reason
     * @param field  the name of the field that carries it ({@code reason}, {@code comment})
     * @param action what the reason is for, in words ("halting trading"), for the message
     * @throws InvalidInputException if it is missing, blank or too long
     */
    public static String required(String reason, String field, String action) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of(field, field + " is required: say why you are " + action);
        }
        return checked(reason.trim(), field);
    }

    /** A reason that may be left out: null when absent or blank. */
    public static String optional(String reason, String field) {
        return reason == null || reason.isBlank() ? null : checked(reason.trim(), field);
    }

    private static String checked(String reason, String field) {
        if (reason.length() > MAX_LENGTH) {
            throw InvalidInputException.of(field, field + " must be at most " + MAX_LENGTH + " characters, was "
                    + reason.length());
        }
        return reason;
    }
}
