package io.riskgrid.api.request;

import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.core.alert.Severity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reading optional query parameters the same way on every endpoint. */
public final class Params {

    private static final String SEVERITIES = Arrays.stream(Severity.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private Params() {
    }

    /** The trimmed value, or null when it is absent or blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * A severity named in parameter {@code field}, in any case; null when absent or blank.
     *
     * @throws InvalidInputException naming the field and the severities there are, for any other value
     */
    public static Severity severity(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Severity.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, field + " must be one of " + SEVERITIES + ", was '"
                    + Echo.clip(value) + "'");
        }
    }
}
