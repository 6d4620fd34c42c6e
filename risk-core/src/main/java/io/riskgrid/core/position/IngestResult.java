package io.riskgrid.core.position;

import java.util.List;

/**
 * What the grid did with a batch of fills or prices: how many it applied, how many it recognized
 * as already applied (same {@code fillId}), and, when the batch was rejected as a whole, the
 * problems that caused it. A rejected batch applied nothing.
 * <p>
 * A plain class (not a record) so that Ignite's binary marshaller can carry it to thin clients.
 * Instances are not modified after construction and are safe to share between threads.
 */
public final class IngestResult {

    private static final String[] NONE = new String[0];

    private final int accepted;
    private final int duplicates;
    private final String[] problems;

    private IngestResult(int accepted, int duplicates, String[] problems) {
        this.accepted = accepted;
        this.duplicates = duplicates;
        this.problems = problems;
    }

    /** A batch that was applied: {@code accepted} new entries, {@code duplicates} seen before. */
    public static IngestResult applied(int accepted, int duplicates) {
        return new IngestResult(accepted, duplicates, NONE);
    }

    /** A batch rejected whole because of {@code problems}; nothing was applied. */
    public static IngestResult rejected(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty for a rejected batch");
        }
        return new IngestResult(0, 0, problems.toArray(NONE));
    }

    /** The sum of two applied results. */
    public IngestResult plus(IngestResult other) {
        return new IngestResult(accepted + other.accepted, duplicates + other.duplicates, NONE);
    }

    public int accepted() {
        return accepted;
    }

    public int duplicates() {
        return duplicates;
    }

    /** Why the batch was rejected; empty when it was applied. */
    public List<String> problems() {
        return problems == null ? List.of() : List.of(problems);
    }

    public boolean isRejected() {
        return problems != null && problems.length > 0;
    }

    @Override
    public String toString() {
        return isRejected() ? "IngestResult{rejected " + problems() + "}"
                : "IngestResult{accepted=" + accepted + ", duplicates=" + duplicates + "}";
    }
}
