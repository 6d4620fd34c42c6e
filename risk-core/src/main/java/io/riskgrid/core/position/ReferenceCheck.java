package io.riskgrid.core.position;

import io.riskgrid.core.price.Price;

import java.util.List;
import java.util.Set;

/**
 * Checks that fills and prices name accounts and instruments that exist. Together with the field
 * checks of {@link Fill} and {@link Price} this decides whether a batch may be applied: one bad
 * entry rejects the whole batch.
 * <p>
 * This class is stateless and thread-safe; use {@link #DEFAULT}.
 */
public final class ReferenceCheck {

    /** The shared instance. */
    public static final ReferenceCheck DEFAULT = new ReferenceCheck();

    private ReferenceCheck() {
    }

    /**
     * Adds a message to {@code problems} for each fill whose account or instrument is unknown.
     *
     * @param fills              the fills, in batch order
     * @param knownAccounts      ids of the accounts that exist (at least those named by the fills)
     * @param knownInstruments   ids of the instruments that exist (at least those named by the fills)
     * @param problems           where problems are added
     */
    public void checkFills(List<Fill> fills, Set<String> knownAccounts, Set<String> knownInstruments, List<String> problems) {
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            if (!knownAccounts.contains(f.accountId())) {
                problems.add("fills[" + i + "].accountId: unknown account '" + f.accountId() + "'");
            }
            unknownInstrument("fills", i, f.instrumentId(), knownInstruments, problems);
        }
    }

    /**
     * Adds a message to {@code problems} for each price whose instrument is unknown.
     *
     * @param prices           the prices, in batch order
     * @param knownInstruments ids of the instruments that exist (at least those named by the prices)
     * @param problems         where problems are added
     */
    public void checkPrices(List<Price> prices, Set<String> knownInstruments, List<String> problems) {
        for (int i = 0; i < prices.size(); i++) {
            unknownInstrument("prices", i, prices.get(i).instrumentId(), knownInstruments, problems);
        }
    }

    private static void unknownInstrument(String root, int i, String instrumentId, Set<String> known, List<String> problems) {
        if (!known.contains(instrumentId)) {
            problems.add(root + "[" + i + "].instrumentId: unknown instrument '" + instrumentId + "'");
        }
    }
}
