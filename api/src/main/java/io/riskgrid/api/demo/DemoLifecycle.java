package io.riskgrid.api.demo;

import io.riskgrid.ml.simulation.IncidentType;

import io.riskgrid.api.RiskGridProperties;
import io.riskgrid.core.simulation.DemoBook;
import org.apache.ignite.Ignite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the demo: at start it loads the demo book where absent ({@code riskgrid.demo.enabled} or
 * {@code riskgrid.demo.load-data}) and, with {@code riskgrid.demo.simulator}, ticks the
 * {@link DemoMarket} on a single daemon thread every {@code riskgrid.demo.tick}. A failed tick is
 * logged and the next one runs.
 * <p>
 * It starts before the web server opens, so the first request already sees the demo book, and
 * stops after the web server has closed and before the grid node is closed, so no tick runs on a
 * stopped node. This class is thread-safe.
 */
@Component
public class DemoLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLifecycle.class);
    /** Phase 0: started before and stopped after the web server (which runs in a late phase). */
    private static final int PHASE = 0;
    private static final long STOP_WAIT_SECONDS = 10;
    /** After the first failure of a run of failures, one line every this many failures. */
    private static final int FAILURE_LOG_EVERY = 100;

    private final Ignite ignite;
    private final RiskGridProperties.Demo settings;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private volatile DemoMarket market;
    private volatile boolean running;
    private int consecutiveFailures;

    public DemoLifecycle(Ignite ignite, RiskGridProperties properties, Clock clock) {
        this.ignite = ignite;
        this.settings = properties.demo();
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (settings.loadsData()) {
            DemoDataLoader.Loaded loaded = new DemoDataLoader(ignite).load(DemoBook.DEFAULT, clock.millis());
            LOG.info("Demo book loaded where absent: {} instruments, {} accounts, {} opening prices added",
                    loaded.instruments(), loaded.accounts(), loaded.prices());
        }
        if (settings.runsSimulator()) {
            String prefix = "sim-" + clock.millis();
            DemoMarket market = new DemoMarket(ignite, DemoBook.DEFAULT, prefix, settings.fillsPerTick());
            this.market = market;
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "riskgrid-demo-simulator");
                t.setDaemon(true);
                return t;
            });
            long tickMillis = settings.tick().toMillis();
            executor.scheduleAtFixedRate(() -> tick(market), tickMillis, tickMillis, TimeUnit.MILLISECONDS);
            LOG.info("Demo simulator started: every {} ms one trading minute of prices and {} fills (ids {}-N)",
                    tickMillis, settings.fillsPerTick(), prefix);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                LOG.warn("Demo simulator did not stop within {} s; interrupted it", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
        market = null;
        LOG.info("Demo simulator stopped");
    }

    /**
     * Injects an incident into the running simulator's order flow for one account.
     *
     * @return the incident's id
     * @throws IllegalStateException    if the simulator is not running
     * @throws IllegalArgumentException if the simulator does not trade the account
     */
    public String inject(IncidentType type, String accountId) {
        DemoMarket m = market;
        if (m == null || !running) {
            throw new IllegalStateException("the market simulator is not running (the API was started without it, "
                    + "e.g. with --no-simulator); incidents can only be injected into a running simulator");
        }
        return m.inject(type, accountId);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void tick(DemoMarket market) {
        try {
            market.tick(clock.millis());
            if (consecutiveFailures > 0) {
                LOG.info("Demo simulator recovered after {} failed ticks", consecutiveFailures);
                consecutiveFailures = 0;
            }
        } catch (RuntimeException e) {
            // A failed tick must not end the schedule: scheduleAtFixedRate stops at the first exception.
            consecutiveFailures++;
            if (consecutiveFailures == 1) {
                LOG.warn("Demo simulator tick failed; it keeps running", e);
            } else if (consecutiveFailures % FAILURE_LOG_EVERY == 0) {
                LOG.warn("Demo simulator: {} ticks in a row failed, last: {}", consecutiveFailures, e.toString());
            }
        }
    }
}
