package io.riskgrid.api.request;

import io.riskgrid.api.error.InvalidInputException;

/**
 * Who an action taken through the API is audited as: the {@code actor} field of the request body,
 * else the {@value #HEADER} header, else {@value #DEFAULT}. Every endpoint that changes something
 * (limits, kill switches, overrides, acknowledgements) takes its actor this way, so that AUDIT_LOG
 * says who did what.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class Actor {

    /** The actor of a request that names none. */
    public static final String DEFAULT = "api";
    /** The header that names the actor when the body does not. */
    public static final String HEADER = "X-Actor";
    /** Longest actor name kept in the audit log. */
    public static final int MAX_LENGTH = 100;

    private Actor() {
    }

    /**
     * The actor of a request.
     *
     * @param fromBody   the body's {@code actor} field, may be null or blank
     * @param fromHeader the {@value #HEADER} header, may be null or blank
     * @throws InvalidInputException if the name given is longer than {@value #MAX_LENGTH} characters
     */
    public static String of(String fromBody, String fromHeader) {
        if (fromBody != null && !fromBody.isBlank()) {
            return checked(fromBody.trim(), "actor");
        }
        if (fromHeader != null && !fromHeader.isBlank()) {
            return checked(fromHeader.trim(), HEADER);
        }
        return DEFAULT;
    }

    private static String checked(String actor, String field) {
        if (actor.length() > MAX_LENGTH) {
            throw InvalidInputException.of(field, field + " must be at most " + MAX_LENGTH + " characters, was "
                    + actor.length());
        }
        return actor;
    }
}
