package io.riskgrid.api.limit;

import io.riskgrid.api.error.InputProblem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A limits file that cannot be used: it cannot be read, is not valid YAML, or holds keys or values
 * that are wrong. The message names the file and lists every problem found, each starting with
 * the YAML path at fault ({@code notional_limits.max_gross_notional must be a positive number,
 * was -5.0}), separated by "; ". Nothing of such a file is applied.
 * <p>
 * This exception is immutable and thread-safe.
 */
public final class LimitsFileException extends IllegalArgumentException {

    private final String sourceName;
    private final List<InputProblem> problems;

    /**
     * @param sourceName the file, as named to the person who wrote it
     * @param problems   what is wrong, each with the YAML path at fault (null for the whole file)
     * @param cause      the failure of reading or of the YAML parser, or null
     */
    public LimitsFileException(String sourceName, List<InputProblem> problems, Throwable cause) {
        super(sourceName + ": " + problems.stream().map(InputProblem::message).collect(Collectors.joining("; ")), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        this.sourceName = sourceName;
        this.problems = List.copyOf(problems);
    }

    /** The file, as named to the person who wrote it. */
    public String sourceName() {
        return sourceName;
    }

    /** Every problem found, section by section. */
    public List<InputProblem> problems() {
        return problems;
    }
}
