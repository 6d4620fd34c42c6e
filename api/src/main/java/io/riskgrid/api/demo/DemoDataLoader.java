package io.riskgrid.api.demo;

import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.price.Price;
import io.riskgrid.core.simulation.DemoBook;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads a demo book into the grid where it is absent: instruments, accounts (each with its flat
 * risk row), their default limits, opening prices and a year of daily return history for VaR.
 * What the grid already holds is kept, so loading into a cluster that has traded for a while
 * changes neither its prices nor its limits.
 * <p>
 * This class is thread-safe; it blocks on the grid.
 */
public final class DemoDataLoader {

    private final Ignite ignite;

    public DemoDataLoader(Ignite ignite) {
        this.ignite = ignite;
    }

    /**
     * Loads {@code book}; opening prices are stamped {@code now}.
     *
     * @return what was added
     */
    /** Days of return history the demo starts with: about a trading year. */
    static final int HISTORY_DAYS = 250;
    private static final long HISTORY_SEED = 2008;

    public Loaded load(DemoBook book, long now) {
        ReferenceDataWriter writer = new ReferenceDataWriter(ignite);
        List<Instrument> instruments = book.instruments();
        Set<String> instrumentIds = new LinkedHashSet<>();
        instruments.forEach(i -> instrumentIds.add(i.instrumentId()));
        Set<String> knownInstruments = ignite.<String, Object>cache(GridTables.INSTRUMENTS).getAll(instrumentIds).keySet();
        List<Instrument> newInstruments = instruments.stream()
                .filter(i -> !knownInstruments.contains(i.instrumentId())).toList();
        if (!newInstruments.isEmpty()) {
            writer.upsertInstruments(newInstruments);
        }

        List<Account> accounts = book.accounts();
        Set<String> accountIds = new LinkedHashSet<>();
        accounts.forEach(a -> accountIds.add(a.accountId()));
        Set<String> knownAccounts = ignite.<String, Object>cache(GridTables.ACCOUNTS).getAll(accountIds).keySet();
        List<Account> newAccounts = accounts.stream().filter(a -> !knownAccounts.contains(a.accountId())).toList();
        if (!newAccounts.isEmpty()) {
            writer.upsertAccounts(newAccounts);
        }

        List<AccountLimit> limits = new ArrayList<>();
        accounts.forEach(a -> limits.addAll(DemoBook.defaultLimits(a)));
        writer.putLimits(limits, true);

        Set<String> priced = ignite.<String, Object>cache(GridTables.PRICES).getAll(instrumentIds).keySet();
        double[] opening = book.openingPrices();
        List<Price> newPrices = new ArrayList<>();
        for (int i = 0; i < instruments.size(); i++) {
            String id = instruments.get(i).instrumentId();
            if (!priced.contains(id)) {
                newPrices.add(new Price(id, opening[i], now));
            }
        }
        if (!newPrices.isEmpty()) {
            writer.putPrices(newPrices);
        }

        // A year of daily returns for the VaR model, drawn from the book's own simulator.
        Set<String> withHistory = ignite.<String, Object>cache(GridTables.RETURN_HISTORY).getAll(instrumentIds).keySet();
        double[][] history = book.dailyReturnHistory(HISTORY_DAYS, HISTORY_SEED);
        Map<String, double[]> newHistory = new TreeMap<>();
        for (int i = 0; i < instruments.size(); i++) {
            String id = instruments.get(i).instrumentId();
            if (!withHistory.contains(id)) {
                newHistory.put(id, history[i]);
            }
        }
        if (!newHistory.isEmpty()) {
            writer.putReturnHistory(newHistory, now);
        }
        return new Loaded(newInstruments.size(), newAccounts.size(), newPrices.size());
    }

    /**
     * What one load added.
     *
     * @param instruments instruments that were absent
     * @param accounts    accounts that were absent
     * @param prices      instruments that had no price
     */
    public record Loaded(int instruments, int accounts, int prices) {
    }
}
