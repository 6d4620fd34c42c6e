package io.riskgrid.api.error;

/** A request for something that does not exist (an unknown account id): answered 404. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    /** The account {@code accountId} does not exist. */
    public static NotFoundException account(String accountId) {
        return new NotFoundException("account '" + accountId + "' not found");
    }
}
