package io.riskgrid.core.position;

import java.util.List;
import java.util.Set;

/**
 * Checks that fills name accounts and instruments that exist. Together with the field checks of
 * {@link Fill} this decides whether a batch may be applied: one bad fill rejects the whole batch.
 * <p>
 * This class is stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class FillReferenceCheck {

    /** The shared instance. */
    public static final FillReferenceCheck DEFAULT = new FillReferenceCheck();

    private FillReferenceCheck() {
    }

    /**
     * Adds a message to {@code problems} for each fill whose account or instrument is unknown.
     *
     * @param fills              the fills, in batch order
     * @param knownAccounts      ids of the accounts that exist (at least those named by the fills)
     * @param knownInstruments   ids of the instruments that exist (at least those named by the fills)
     * @param problems           where problems are added
     */
    public void check(List<Fill> fills, Set<String> knownAccounts, Set<String> knownInstruments, List<String> problems) {
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            if (!knownAccounts.contains(f.accountId())) {
                problems.add("fills[" + i + "].accountId: unknown account '" + f.accountId() + "'");
            }
            if (!knownInstruments.contains(f.instrumentId())) {
                problems.add("fills[" + i + "].instrumentId: unknown instrument '" + f.instrumentId() + "'");
            }
        }
    }
}
