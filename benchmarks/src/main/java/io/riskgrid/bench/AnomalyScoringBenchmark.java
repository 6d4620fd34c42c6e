package io.riskgrid.bench;

import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.simulation.DemoBook;
import io.riskgrid.core.simulation.MarketSimulator;
import io.riskgrid.core.simulation.OrderFlowSimulator;
import io.riskgrid.ml.anomaly.AnomalyScorer;
import io.riskgrid.ml.anomaly.AnomalyScorers;
import io.riskgrid.ml.anomaly.ScorerKind;
import io.riskgrid.ml.feature.AccountState;
import io.riskgrid.ml.feature.FeatureExtractor;
import io.riskgrid.ml.feature.FillEvent;
import io.riskgrid.ml.feature.PositionState;
import io.riskgrid.ml.training.Training;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Anomaly scoring's in-process cost: the features of one account from its fills and book, and
 * their score by each model, for one account and for all 100 demo accounts. The desk is the demo's:
 * 16 minutes (the feature windows' lookback) of its order flow, 50 fills a tick over 100 accounts
 * (about 1,900 fills per account in the windows). The models are trained on {@link Training}'s
 * synthetic history, seed 7, as the bootstrap model is. The grid's part (the local partition scan
 * of FILLS, the book read, the ANOMALY_SCORES write) is not included; docs/benchmarks.md measures
 * the whole on-demand call over HTTP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnomalyScoringBenchmark {

    private static final long TICK_MS = 250;
    private static final int TICKS = 16 * 240;

    private final FeatureExtractor extractor = FeatureExtractor.DEFAULT;
    private List<List<FillEvent>> fills;
    private List<AccountState> states;
    private AnomalyScorer pca;
    private AnomalyScorer autoencoder;
    private long now;

    @Setup
    public void setUp() {
        DemoBook book = DemoBook.DEFAULT;
        List<Account> accounts = book.accounts();
        List<Instrument> instruments = book.instruments();
        Map<String, Integer> accountIndex = new HashMap<>();
        Map<String, Instrument> byId = new HashMap<>();
        instruments.forEach(i -> byId.put(i.instrumentId(), i));
        fills = new ArrayList<>();
        for (int a = 0; a < accounts.size(); a++) {
            accountIndex.put(accounts.get(a).accountId(), a);
            fills.add(new ArrayList<>());
        }
        double[][] quantities = new double[accounts.size()][instruments.size()];
        Map<String, Integer> instrumentIndex = new HashMap<>();
        for (int i = 0; i < instruments.size(); i++) {
            instrumentIndex.put(instruments.get(i).instrumentId(), i);
        }
        MarketSimulator market = book.simulator(20260101L);
        OrderFlowSimulator flow = new OrderFlowSimulator(accounts, instruments, "bench", 20260102L);
        long start = 1_767_225_600_000L;
        double[] prices = null;
        for (int t = 0; t < TICKS; t++) {
            long ts = start + t * TICK_MS;
            prices = market.step(1.0 / (252 * 390));
            List<Fill> tick = new ArrayList<>();
            if (t == 0) {
                tick.addAll(flow.openingBook(prices, ts, 12));
            }
            for (int k = 0; k < 50; k++) {
                tick.add(flow.next(prices, ts));
            }
            for (Fill f : tick) {
                int a = accountIndex.get(f.accountId());
                double size = byId.get(f.instrumentId()).contractSize();
                fills.get(a).add(FillEvent.of(f, size));
                quantities[a][instrumentIndex.get(f.instrumentId())] += f.side().sign() * f.quantity();
            }
        }
        now = start + TICKS * TICK_MS;
        states = new ArrayList<>();
        for (int a = 0; a < accounts.size(); a++) {
            List<PositionState> positions = new ArrayList<>();
            for (int i = 0; i < instruments.size(); i++) {
                if (quantities[a][i] != 0) {
                    positions.add(new PositionState(instruments.get(i).instrumentId(), quantities[a][i], prices[i],
                            instruments.get(i).contractSize()));
                }
            }
            states.add(new AccountState(accounts.get(a).accountId(), accounts.get(a).initialEquity(), 0, positions));
        }
        double[][] training = Training.trainingData(7);
        pca = AnomalyScorers.train(ScorerKind.PCA, training, 7);
        autoencoder = AnomalyScorers.train(ScorerKind.AUTOENCODER, training, 7);
    }

    @Benchmark
    public double[] featuresOneAccount() {
        return extractor.features(fills.get(0), states.get(0), now);
    }

    @Benchmark
    public double pcaOneAccount() {
        return pca.score(extractor.features(fills.get(0), states.get(0), now));
    }

    @Benchmark
    public double autoencoderOneAccount() {
        return autoencoder.score(extractor.features(fills.get(0), states.get(0), now));
    }

    @Benchmark
    public double pcaAllAccounts() {
        double sum = 0;
        for (int a = 0; a < fills.size(); a++) {
            sum += pca.score(extractor.features(fills.get(a), states.get(a), now));
        }
        return sum;
    }

    @Benchmark
    public double autoencoderAllAccounts() {
        double sum = 0;
        for (int a = 0; a < fills.size(); a++) {
            sum += autoencoder.score(extractor.features(fills.get(a), states.get(a), now));
        }
        return sum;
    }
}
