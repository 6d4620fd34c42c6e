package io.riskgrid.api.error;

import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "The body of every error answer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Machine-readable code: bad_request, not_found, conflict, payload_too_large, "
                + "unsupported_media_type, unavailable, internal", example = "bad_request") String error,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What is wrong, in words; several problems are separated by '; '",
                example = "fills[1].quantity must be a positive number, was -5.0") String message,
        @Schema(description = "The input field at fault (of the first problem); absent when no one field is",
                example = "fills[1].quantity") String field) {

    public static ApiError badRequest(String message, String field) {
        return new ApiError("bad_request", message, field);
    }
}
