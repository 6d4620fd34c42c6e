package io.riskgrid.breach;

import io.riskgrid.core.account.TradingState;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.Ignition;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.apache.ignite.failure.StopNodeFailureHandler;
import org.apache.ignite.spi.communication.tcp.TcpCommunicationSpi;
import org.apache.ignite.spi.discovery.tcp.TcpDiscoverySpi;
import org.apache.ignite.spi.discovery.tcp.ipfinder.vm.TcpDiscoveryVmIpFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed on a real Ignite node holding RiskGrid's caches. A plain node rather than grid-node's
 * test cluster, because grid-node depends on this module. Each test writes accounts of its own.
 */
class RiskChangeFeedIT {

    private static final long WAIT_SECONDS = 10;

    private static Path workDir;
    private static Ignite ignite;
    private static IgniteCache<String, AccountRiskRow> risk;

    @BeforeAll
    static void start() throws IOException {
        workDir = Files.createTempDirectory("riskgrid-cq-it");
        int base = freeBlock();
        TcpDiscoveryVmIpFinder ipFinder = new TcpDiscoveryVmIpFinder()
                .setAddresses(List.of("127.0.0.1:" + base + ".." + (base + 9)));
        IgniteConfiguration cfg = new IgniteConfiguration()
                .setIgniteInstanceName("risk-change-feed-it")
                .setLocalHost("127.0.0.1")
                .setWorkDirectory(workDir.toString())
                .setConnectorConfiguration(null)
                .setClientConnectorConfiguration(null)
                .setMetricsLogFrequency(0)
                .setFailureHandler(new StopNodeFailureHandler())
                .setDiscoverySpi(new TcpDiscoverySpi().setIpFinder(ipFinder).setLocalPort(base).setLocalPortRange(10))
                .setCommunicationSpi(new TcpCommunicationSpi().setLocalPort(base + 10).setLocalPortRange(20))
                .setDataStorageConfiguration(new DataStorageConfiguration().setDefaultDataRegionConfiguration(
                        new DataRegionConfiguration().setName("default")
                                .setInitialSize(64L * 1024 * 1024).setMaxSize(256L * 1024 * 1024)))
                .setCacheConfiguration(GridTables.cacheConfigurations().toArray(new CacheConfiguration[0]));
        ignite = Ignition.start(cfg);
        risk = ignite.cache(GridTables.ACCOUNT_RISK);
    }

    @AfterAll
    static void stop() throws IOException {
        if (ignite != null) {
            ignite.close();
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void newAccountRiskIsDelivered() throws Exception {
        BlockingQueue<RiskUpdate> updates = new LinkedBlockingQueue<>();
        try (RiskChangeFeed feed = RiskChangeFeed.open(ignite, updates::add)) {
            risk.put("CQ-NEW", row(1_000_000, 0, 0, TradingState.ACTIVE, 100));
            RiskUpdate u = updates.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(u).isEqualTo(new RiskUpdate("CQ-NEW", 1_000_000, 0, 0, TradingState.ACTIVE, 100));
        }
    }

    @Test
    void immaterialChangeIsNotDeliveredButTheNextMaterialOneIs() throws Exception {
        BlockingQueue<RiskUpdate> updates = new LinkedBlockingQueue<>();
        risk.put("CQ-QUIET", row(1_000_000, 50_000, 5, TradingState.ACTIVE, 100));
        try (RiskChangeFeed feed = RiskChangeFeed.open(ignite, updates::add)) {
            // Only updatedAt differs: the remote filter drops it.
            risk.put("CQ-QUIET", row(1_000_000, 50_000, 5, TradingState.ACTIVE, 200));
            // Equity moves: delivered. Updates of one key arrive in write order, so had the
            // immaterial update passed the filter it would be first in the queue.
            risk.put("CQ-QUIET", row(990_000, 50_000, 5, TradingState.ACTIVE, 300));
            RiskUpdate first = updates.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(first).isEqualTo(new RiskUpdate("CQ-QUIET", 990_000, 50_000, 5, TradingState.ACTIVE, 300));

            // A trading-state change with the same figures is material too.
            risk.put("CQ-QUIET", row(990_000, 50_000, 5, TradingState.REDUCING, 400));
            assertThat(updates.poll(WAIT_SECONDS, TimeUnit.SECONDS).tradingState()).isEqualTo(TradingState.REDUCING);
            assertThat(updates).isEmpty();
        }
    }

    @Test
    void consumerRunsOffTheWritingThread() throws Exception {
        BlockingQueue<Thread> threads = new LinkedBlockingQueue<>();
        try (RiskChangeFeed feed = RiskChangeFeed.open(ignite, u -> threads.add(Thread.currentThread()))) {
            risk.put("CQ-THREAD", row(1_000_000, 1, 1, TradingState.ACTIVE, 1));
            Thread consumer = threads.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(consumer).isNotNull().isNotSameAs(Thread.currentThread());
        }
    }

    @Test
    void consumerThatThrowsStillGetsLaterUpdates() throws Exception {
        BlockingQueue<RiskUpdate> updates = new LinkedBlockingQueue<>();
        try (RiskChangeFeed feed = RiskChangeFeed.open(ignite, u -> {
            updates.add(u);
            if (u.equity() == 1) {
                throw new IllegalStateException("consumer failure in a test");
            }
        })) {
            risk.put("CQ-THROW", row(1, 0, 0, TradingState.ACTIVE, 1));
            risk.put("CQ-THROW", row(2, 0, 0, TradingState.ACTIVE, 2));
            assertThat(updates.poll(WAIT_SECONDS, TimeUnit.SECONDS).equity()).isEqualTo(1);
            assertThat(updates.poll(WAIT_SECONDS, TimeUnit.SECONDS).equity()).isEqualTo(2);
        }
    }

    @Test
    void closedFeedDeliversNothingMore() throws Exception {
        BlockingQueue<RiskUpdate> closedUpdates = new LinkedBlockingQueue<>();
        BlockingQueue<RiskUpdate> openUpdates = new LinkedBlockingQueue<>();
        try (RiskChangeFeed open = RiskChangeFeed.open(ignite, openUpdates::add)) {
            RiskChangeFeed closed = RiskChangeFeed.open(ignite, closedUpdates::add);
            closed.close();
            risk.put("CQ-CLOSED", row(1_000_000, 0, 0, TradingState.ACTIVE, 1));
            // The feed still open sees the write, so it has been processed; the closed one saw nothing.
            assertThat(openUpdates.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
            assertThat(closedUpdates.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    private static AccountRiskRow row(double equity, double grossExposure, double riskScore, TradingState state,
                                      long updatedAt) {
        AccountRiskRow r = new AccountRiskRow();
        r.initialEquity = 1_000_000;
        r.equity = equity;
        r.grossExposure = grossExposure;
        r.riskScore = riskScore;
        r.tradingState = state.name();
        r.instrumentIds = new String[0];
        r.updatedAt = updatedAt;
        return r;
    }

    /**
     * The first of 30 free ports on 127.0.0.1 (discovery base..base+9, communication
     * base+10..base+29) between 12,000 and 19,830: below grid-node's test ports (20,000 up), away
     * from RiskGrid's defaults (10800, 47100-47199, 47500-47509) and below Linux's ephemeral range.
     */
    private static int freeBlock() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 12_000 + ThreadLocalRandom.current().nextInt(0, 262) * 30;
            if (allFree(base, 30)) {
                return base;
            }
        }
        throw new IllegalStateException("no block of 30 free ports found");
    }

    private static boolean allFree(int base, int count) {
        for (int p = base; p < base + count; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName("127.0.0.1"))) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
