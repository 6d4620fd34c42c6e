package io.riskgrid.grid.testing;

import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.price.Price;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import org.apache.ignite.Ignite;

import java.util.List;

/**
 * A small book for tests, with figures easy to compute by hand: two accounts with 1,000,000
 * equity, two equities (contract size 1, margin 25%) in different sectors and one future
 * (contract size 50, margin 10%).
 */
public final class DemoFixture {

    public static final String ACC_A = "ACC-A";
    public static final String ACC_B = "ACC-B";
    public static final String AAPL = "AAPL";
    public static final String XOM = "XOM";
    public static final String ES = "ES";

    private DemoFixture() {
    }

    public static List<Instrument> instruments() {
        return List.of(
                new Instrument(AAPL, AAPL, "EQUITY", "TECH", "USD", 1, 0.25),
                new Instrument(XOM, XOM, "EQUITY", "ENERGY", "USD", 1, 0.25),
                new Instrument(ES, ES, "FUTURE", "INDEX", "USD", 50, 0.10));
    }

    public static List<Account> accounts() {
        return List.of(
                new Account(ACC_A, "Alpha", "USD", 1_000_000, "MOMENTUM"),
                new Account(ACC_B, "Beta", "USD", 1_000_000, "MACRO"));
    }

    /** Loads instruments, accounts and opening prices AAPL 100, XOM 50, ES 5000 at t=1. */
    public static void load(Ignite ignite) {
        ReferenceDataWriter w = new ReferenceDataWriter(ignite);
        w.upsertInstruments(instruments());
        w.upsertAccounts(accounts());
        w.putPrices(List.of(new Price(AAPL, 100, 1), new Price(XOM, 50, 1), new Price(ES, 5000, 1)));
    }
}
