package io.riskgrid.api.request;

import io.riskgrid.api.error.InputProblem;
import io.riskgrid.api.error.InvalidInputException;

import java.util.List;

/**
 * Who takes an action that must say why, and why: the {@link Actor} and a required {@link Reason},
 * checked together with the rest of a request so that one 400 names every problem at once.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param actor  who acts, as audited; null only when its check added a problem
 * @param reason why, as audited; null only when its check added a problem
 */
public record Accountable(String actor, String reason) {

    /**
     * Checks the request's reason (the field {@code reason}, required) and its actor (the body's
     * {@code actor}, else the {@value Actor#HEADER} header), adding what is wrong to {@code problems}.
     *
     * @param reason      the body's reason
     * @param action      what the reason is for, in words ("halting trading"), for the message
     * @param bodyActor   the body's actor, may be null
     * @param actorHeader the {@value Actor#HEADER} header, may be null
     * @param problems    the request's problems so far; this method adds to it
     */
    public static Accountable check(String reason, String action, String bodyActor, String actorHeader,
                                    List<InputProblem> problems) {
        String why = null;
        String who = null;
        try {
            why = Reason.required(reason, "reason", action);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        try {
            who = Actor.of(bodyActor, actorHeader);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        return new Accountable(who, why);
    }
}
