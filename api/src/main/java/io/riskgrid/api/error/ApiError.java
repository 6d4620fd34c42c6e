package io.riskgrid.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error answer: a machine-readable code, a message a person can act on and,
 * when one input field is at fault, its path ({@code fills[2].quantity}).
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param error   {@code bad_request}, {@code not_found}, {@code unavailable}, {@code internal}, ...
 * @param message what is wrong, in words
 * @param field   the input field at fault, absent when none is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String field) {

    public static ApiError badRequest(String message, String field) {
        return new ApiError("bad_request", message, field);
    }
}
