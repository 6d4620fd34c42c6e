package io.riskgrid.api.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request whose input is wrong: answered 400 with every problem in the message and the first
 * problem's field. Nothing of such a request has been applied.
 */
public final class InvalidInputException extends IllegalArgumentException {

    private final List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::message).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        this.problems = List.copyOf(problems);
    }

    /** A request with one problem, in {@code field}. */
    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new InputProblem(field, message)));
    }

    public List<InputProblem> problems() {
        return problems;
    }

    /** The field of the first problem. */
    public String field() {
        return problems.get(0).field();
    }
}
