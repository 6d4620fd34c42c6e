package io.riskgrid.core.simulation;

import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.Side;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates demo fills: each fill picks an account and an instrument at random and trades a
 * notional of 0.5% to 3% of the account's equity at the current price. Each account keeps its
 * gross exposure near a target between 1x and 3x its equity: once a position is larger than
 * a fifth of that target it is traded down more often than up, so books breathe instead of
 * growing without bound. Fill ids are {@code <prefix>-<sequence>}.
 * <p>
 * This class is mutable (it tracks the quantities it has sent) and not thread-safe; one simulator
 * thread owns it.
 */
public final class OrderFlowSimulator {

    private final List<Account> accounts;
    private final List<Instrument> instruments;
    private final double[][] quantities;
    private final double[] targetLeverage;
    private final SplittableRandom random;
    private final String prefix;
    private long sequence;

    public OrderFlowSimulator(List<Account> accounts, List<Instrument> instruments, String prefix, long seed) {
        this.accounts = List.copyOf(accounts);
        this.instruments = List.copyOf(instruments);
        this.quantities = new double[accounts.size()][instruments.size()];
        this.random = new SplittableRandom(seed);
        this.targetLeverage = new double[accounts.size()];
        for (int a = 0; a < targetLeverage.length; a++) {
            targetLeverage[a] = 1 + 2 * random.nextDouble();
        }
        this.prefix = prefix;
    }

    /**
     * The fills that give every account a diversified opening book: {@code positionsPerAccount}
     * distinct instruments of equal notional adding up to the account's target gross exposure, seven
     * in ten long. A book like this starts well inside the demo's concentration and exposure limits,
     * where a book of one or two positions would be 100% concentrated from its first fill.
     */
    public List<Fill> openingBook(double[] prices, long now, int positionsPerAccount) {
        int n = Math.min(positionsPerAccount, instruments.size());
        List<Fill> fills = new java.util.ArrayList<>(accounts.size() * n);
        for (int a = 0; a < accounts.size(); a++) {
            Account account = accounts.get(a);
            double notional = account.initialEquity() * targetLeverage[a] / n;
            int start = random.nextInt(instruments.size());
            int stride = 1 + random.nextInt(instruments.size() - 1);
            java.util.Set<Integer> picked = new java.util.LinkedHashSet<>();
            for (int k = 0; picked.size() < n; k++) {
                int i = (start + k * stride) % instruments.size();
                if (!picked.add(i)) {
                    // The stride cycled before n distinct instruments: take the next free one.
                    for (int j = 0; j < instruments.size() && !picked.add((i + j) % instruments.size()); j++) {
                        // keep looking
                    }
                }
            }
            for (int i : picked) {
                Instrument instrument = instruments.get(i);
                double quantity = Math.max(1, Math.round(notional / (prices[i] * instrument.contractSize())));
                Side side = random.nextDouble() < 0.7 ? Side.BUY : Side.SELL;
                quantities[a][i] += side.sign() * quantity;
                String fillId = prefix + "-" + (++sequence);
                fills.add(new Fill(fillId, account.accountId(), instrument.instrumentId(), side, quantity, prices[i], now,
                        account.strategy(), VENUES[(int) (sequence % VENUES.length)].toUpperCase(Locale.ROOT)));
            }
        }
        return fills;
    }

    /** The next fill, at the current {@code prices} (in instrument order), stamped {@code now}. */
    public Fill next(double[] prices, long now) {
        int a = random.nextInt(accounts.size());
        int i = random.nextInt(instruments.size());
        Account account = accounts.get(a);
        Instrument instrument = instruments.get(i);
        double unitValue = prices[i] * instrument.contractSize();
        double notional = account.initialEquity() * (0.005 + 0.025 * random.nextDouble());
        double quantity = Math.max(1, Math.round(notional / unitValue));
        double held = quantities[a][i] * unitValue;
        double cap = account.initialEquity() * targetLeverage[a] / 5;
        // A desk keeps each position near its size and the account near its target leverage with a
        // moderate net: lean against a position beyond its cap first; then, with gross exposure above
        // target, trade positions down; then lean against net exposure beyond the account's equity.
        double gross = 0;
        double net = 0;
        for (int j = 0; j < prices.length; j++) {
            double value = quantities[a][j] * prices[j] * instruments.get(j).contractSize();
            gross += Math.abs(value);
            net += value;
        }
        double netCap = account.initialEquity();
        double buyProbability;
        if (held > cap || held < -cap) {
            buyProbability = held > cap ? 0.2 : 0.8;
        } else if (gross > account.initialEquity() * targetLeverage[a] && held != 0) {
            buyProbability = held > 0 ? 0.2 : 0.8;
        } else {
            buyProbability = net > netCap ? 0.3 : net < -netCap ? 0.7 : 0.5;
        }
        Side side = random.nextDouble() < buyProbability ? Side.BUY : Side.SELL;
        quantities[a][i] += side.sign() * quantity;
        double slippage = 1 + (random.nextDouble() - 0.5) * 0.001;
        double price = Math.round(prices[i] * slippage * 100) / 100.0;
        String fillId = prefix + "-" + (++sequence);
        return new Fill(fillId, account.accountId(), instrument.instrumentId(), side, quantity, Math.max(price, 0.01),
                now, account.strategy(), VENUES[(int) (sequence % VENUES.length)].toUpperCase(Locale.ROOT));
    }

    private static final String[] VENUES = {"xnas", "xnys", "bats", "arcx", "iexg"};
}
