package io.riskgrid.api.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with a request's input: the path of the field at fault ({@code fills[2].quantity},
 * {@code limit}) and a message that starts with that path.
 * <p>
 * This record is immutable and thread-safe.
 */
public record InputProblem(String field, String message) {

    /** A field path at the start of a message: {@code fills[2].quantity} or {@code prices[0]}. */
    private static final Pattern INDEXED_FIELD = Pattern.compile("^([A-Za-z]\\w*\\[\\d+](?:\\.[A-Za-z]\\w*)*)");

    /**
     * The problem a grid or domain message describes, when the message starts with an indexed
     * field path such as {@code fills[1].accountId: unknown account 'X'}; otherwise the problem
     * is attributed to {@code fallbackField}.
     */
    public static InputProblem fromMessage(String message, String fallbackField) {
        Matcher m = INDEXED_FIELD.matcher(message);
        return new InputProblem(m.find() ? m.group(1) : fallbackField, message);
    }
}
