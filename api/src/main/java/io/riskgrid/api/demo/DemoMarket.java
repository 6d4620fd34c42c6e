package io.riskgrid.api.demo;

import io.riskgrid.core.account.Account;
import io.riskgrid.ml.simulation.IncidentPlan;
import io.riskgrid.ml.simulation.IncidentType;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.compute.ingest.PriceIngestTask;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.price.Price;
import io.riskgrid.core.price.PriceBatch;
import io.riskgrid.core.simulation.DemoBook;
import io.riskgrid.core.simulation.MarketSimulator;
import io.riskgrid.core.simulation.OrderFlowSimulator;
import org.apache.ignite.Ignite;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's market: each {@link #tick(long)} moves every price of the demo book by one trading
 * minute and trades a batch of fills at the new prices (the first tick instead opens a diversified
 * book of {@value #OPENING_POSITIONS} positions for every account), publishing both through the grid's ingest
 * tasks exactly as an outside feed would. Paths are seeded, so a run can be reproduced; fill ids
 * carry a prefix of their own per run, so a second run never collides with the fills of the first.
 * <p>
 * This class is mutable and not thread-safe: one simulator thread owns it.
 */
public final class DemoMarket {

    /** One tick is one trading minute: 252 days of 390 minutes make a year. */
    public static final double TICK_YEARS = 1.0 / (252 * 390);

    static final long MARKET_SEED = 20260101L;
    static final long ORDER_FLOW_SEED = 20260102L;

    private final Ignite ignite;
    private final List<Instrument> instruments;
    private final MarketSimulator market;
    private final OrderFlowSimulator orderFlow;
    private final int fillsPerTick;
    private final DemoBook book;
    private final String fillIdPrefix;
    private final Queue<IncidentPlan> injected = new ConcurrentLinkedQueue<>();
    private final List<IncidentPlan> incidents = new ArrayList<>();
    private final AtomicLong incidentSequence = new AtomicLong();
    private long incidentFills;
    private boolean opened;

    /** Positions in each account's opening book. */
    static final int OPENING_POSITIONS = 12;

    public DemoMarket(Ignite ignite, DemoBook book, String fillIdPrefix, int fillsPerTick) {
        this.ignite = ignite;
        this.instruments = book.instruments();
        this.market = book.simulator(MARKET_SEED);
        this.orderFlow = new OrderFlowSimulator(book.accounts(), instruments, fillIdPrefix, ORDER_FLOW_SEED);
        this.fillsPerTick = fillsPerTick;
        this.book = book;
        this.fillIdPrefix = fillIdPrefix;
    }

    /**
     * Makes the simulator trade an incident pattern for one account from the next tick on, on top
     * of its usual order flow (see {@link IncidentPlan} for each pattern). Safe to call from any
     * thread; the simulator thread picks it up.
     *
     * @return the incident's id ({@code <prefix>-INC-<n>}), also the prefix of its fill ids
     * @throws IllegalArgumentException if the simulator does not trade {@code accountId}
     */
    public String inject(IncidentType type, String accountId) {
        Account account = book.accounts().stream().filter(a -> a.accountId().equals(accountId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the simulator does not trade account '" + accountId
                        + "'; it trades the demo book's accounts"));
        long n = incidentSequence.incrementAndGet();
        injected.add(new IncidentPlan(type, account, instruments, IncidentPlan.demoUsualNotional(account),
                ORDER_FLOW_SEED + n));
        return fillIdPrefix + "-INC-" + n;
    }

    /** Moves the market one step and publishes its prices, then a batch of fills, stamped {@code now}. */
    public void tick(long now) {
        double[] prices = market.step(TICK_YEARS);
        List<Price> quotes = new ArrayList<>(prices.length);
        for (int i = 0; i < prices.length; i++) {
            quotes.add(new Price(instruments.get(i).instrumentId(), prices[i], now));
        }
        check(ignite.compute().execute(PriceIngestTask.NAME, PriceBatch.of(quotes)), "prices");
        if (fillsPerTick > 0 && !opened) {
            // The first tick opens a diversified book for every account, in batches the size of a tick's fills.
            List<Fill> book = orderFlow.openingBook(prices, now, OPENING_POSITIONS);
            for (int from = 0; from < book.size(); from += 200) {
                check(ignite.compute().execute(FillIngestTask.NAME,
                        FillBatch.of(book.subList(from, Math.min(book.size(), from + 200)))), "opening fills");
            }
            opened = true;
            return;
        }
        List<Fill> fills = new ArrayList<>(fillsPerTick);
        for (int i = 0; i < fillsPerTick; i++) {
            fills.add(orderFlow.next(prices, now));
        }
        for (IncidentPlan p; (p = injected.poll()) != null; ) {
            incidents.add(p);
        }
        for (Iterator<IncidentPlan> it = incidents.iterator(); it.hasNext(); ) {
            IncidentPlan p = it.next();
            fills.addAll(p.next(prices, now, () -> fillIdPrefix + "-inc-" + (++incidentFills)));
            if (p.done()) {
                it.remove();
            }
        }
        if (!fills.isEmpty()) {
            check(ignite.compute().execute(FillIngestTask.NAME, FillBatch.of(fills)), "fills");
        }
    }

    private static void check(IngestResult result, String what) {
        if (result.isRejected()) {
            throw new IllegalStateException("the grid rejected the simulated " + what + ": " + result.problems());
        }
    }
}
