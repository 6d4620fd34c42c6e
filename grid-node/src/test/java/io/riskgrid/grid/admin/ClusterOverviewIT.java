package io.riskgrid.grid.admin;

import io.riskgrid.compute.control.AuditTrail;
import io.riskgrid.core.account.Account;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import io.riskgrid.grid.schema.AccountRow;
import io.riskgrid.grid.schema.AuditRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.testing.DemoFixture;
import io.riskgrid.grid.testing.LocalGridCluster;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.cache.PartitionLossPolicy;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.internal.processors.cache.CacheInvalidStateException;
import org.apache.ignite.lang.IgniteAsyncCallback;
import org.junit.jupiter.api.Test;

import javax.cache.CacheException;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryUpdatedListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The cluster overview on real nodes: this JVM's node plus nodes in separate JVM processes, killed
 * with SIGKILL. Every expected count is derived from the caches' configuration: the affinity
 * function's partition count and {@link GridTables#BACKUPS}.
 */
class ClusterOverviewIT {

    /** Joins, rebalancing and failure detection on a busy two-core machine: generous, never a measurement. */
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void twoNodesHoldEachPartitionOnceAsPrimaryAndOnceAsBackupAndTheSurvivorOfAFailureOwnsThemAll() throws Exception {
        try (LocalGridCluster cluster = new LocalGridCluster("overview-two")) {
            Ignite survivor = cluster.startNode();
            int other = cluster.startProcess(survivor, 2);
            DemoFixture.load(survivor);

            await().atMost(WAIT).until(() -> settled(read(survivor), 2));
            ClusterOverview two = read(survivor);
            assertThat(two.state()).isEqualTo("ACTIVE");
            assertThat(two.active()).isTrue();
            assertThat(two.clients()).isZero();
            assertThat(two.baseline()).hasSize(2).allMatch(ClusterOverview.BaselineMember::online);
            assertThat(two.nodes()).hasSize(2).allMatch(ClusterOverview.NodeOverview::inBaseline);
            assertThat(two.nodes()).filteredOn(ClusterOverview.NodeOverview::local).hasSize(1);
            assertThat(two.lostPartitions()).isZero();
            assertThat(two.rebalance()).isEqualTo(RebalanceSummary.of(reports(two)));
            assertThat(two.rebalance().progress()).isEqualTo(1.0);
            for (ClusterOverview.CacheSummary cache : two.caches()) {
                int partitions = partitionsOf(survivor, cache.cache());
                assertThat(cache.partitions()).as(cache.cache()).isEqualTo(partitions);
                assertThat(cache.backups()).isEqualTo(GridTables.BACKUPS);
                assertThat(cache.partitionLossPolicy()).isEqualTo(PartitionLossPolicy.READ_WRITE_SAFE.name());
                assertThat(cache.lostPartitions()).isEmpty();
                List<CacheReport> perNode = perNode(two, cache.cache());
                assertThat(perNode).hasSize(2);
                // Each partition has one primary and BACKUPS backups, on distinct nodes.
                assertThat(perNode.stream().mapToInt(c -> c.primary).sum()).as(cache.cache()).isEqualTo(partitions);
                assertThat(perNode.stream().mapToInt(c -> c.backup).sum()).isEqualTo(partitions * GridTables.BACKUPS);
                // Two nodes, two copies of each partition: each node owns every partition.
                assertThat(perNode).allSatisfy(c -> {
                    assertThat(c.owning).isEqualTo(partitions);
                    assertThat(c.moving + c.renting + c.lost + c.other).isZero();
                    assertThat(c.primary + c.backup).isEqualTo(partitions);
                });
            }
            assertThat(two.caches()).extracting(ClusterOverview.CacheSummary::cache)
                    .containsExactlyElementsOf(PartitionedCaches.NAMES);

            cluster.killProcess(other);
            await().atMost(WAIT).until(() -> settled(read(survivor), 1));
            ClusterOverview one = read(survivor);
            assertThat(one.lostPartitions()).isZero();
            assertThat(one.baselineOffline()).isZero();
            if (one.baselineAutoAdjust()) {
                // An in-memory cluster's baseline follows its server nodes.
                assertThat(one.baseline()).extracting(ClusterOverview.BaselineMember::consistentId)
                        .containsExactly(String.valueOf(survivor.cluster().localNode().consistentId()));
            }
            for (ClusterOverview.CacheSummary cache : one.caches()) {
                int partitions = partitionsOf(survivor, cache.cache());
                CacheReport c = perNode(one, cache.cache()).get(0);
                assertThat(c.primary).as(cache.cache()).isEqualTo(partitions);
                assertThat(c.backup).isZero();
                assertThat(c.owning).isEqualTo(partitions);
                assertThat(c.lost).isZero();
            }
            // And the data is all there.
            assertThat(survivor.<String, AccountRow>cache(GridTables.ACCOUNTS).getAll(Set.of(DemoFixture.ACC_A, DemoFixture.ACC_B)))
                    .hasSize(2);
        }
    }

    @Test
    void aJoiningNodeIsReportedRebalancingWithItsProgressUntilItOwnsItsShare() throws Exception {
        try (LocalGridCluster cluster = new LocalGridCluster("overview-join")) {
            // The supplying node pauses between supply messages (Ignite's own override of the rebalance
            // throttle, read by the supplier), so that the rebalance lasts long enough to be read while
            // it runs. Both servers are processes; this JVM is a client node, as the API is in cluster mode.
            cluster.processEnvironment(Map.of("IGNITE_REBALANCE_THROTTLE_OVERRIDE", "300"));
            cluster.startProcess(null, 1);
            Ignite client = cluster.startClient();
            int rows = 40_000;
            String details = "x".repeat(200);
            try (IgniteDataStreamer<String, AuditRow> streamer = client.dataStreamer(GridTables.AUDIT_LOG)) {
                for (int i = 0; i < rows; i++) {
                    streamer.addData(String.format("join-%06d", i),
                            AuditTrail.row(i, "overview-join", "TEST", "ACC-" + (i % 500), null, null, null, null, details));
                }
            }
            int partitions = partitionsOf(client, GridTables.AUDIT_LOG);

            int second = cluster.startProcess(client, 2);
            String joiner = cluster.processName(second);
            List<ClusterOverview> during = new ArrayList<>();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
                ClusterOverview o = read(client);
                if (o.rebalance().inProgress()) {
                    during.add(o);
                }
                // Two nodes and one backup: when it is done, the new node owns every partition.
                return settled(o, 2) && report(o, joiner, GridTables.AUDIT_LOG).owning == partitions;
            });

            assertThat(during).as("overviews read while the new node was loading its partitions").isNotEmpty();
            System.out.printf("ClusterOverviewIT: %d overviews read during the rebalance, the first %s, the last %s%n",
                    during.size(), during.get(0).rebalance(), during.get(during.size() - 1).rebalance());
            for (ClusterOverview o : during) {
                RebalanceSummary r = o.rebalance();
                assertThat(r.partitionsLeft()).isPositive();
                assertThat(r.partitionsTotal()).isGreaterThanOrEqualTo(r.partitionsLeft());
                assertThat(r.progress()).isCloseTo(1 - (double) r.partitionsLeft() / r.partitionsTotal(), within(1e-12))
                        .isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
                // Only the new node loads: the old one already holds every partition.
                for (ClusterOverview.NodeOverview n : o.nodes()) {
                    if (n.report() != null && !n.consistentId().equals(joiner)) {
                        assertThat(n.report().caches).allSatisfy(c -> assertThat(c.rebalancing()).isFalse());
                    }
                }
            }
            // The new node loads its caches in turn: the share that has arrived grows as it goes.
            double first = during.get(0).rebalance().progress();
            double last = during.get(during.size() - 1).rebalance().progress();
            assertThat(last).as("progress at the last read during the rebalance, the first being " + first)
                    .isGreaterThan(first);
            ClusterOverview done = read(client);
            assertThat(done.rebalance().progress()).isEqualTo(1.0);
            assertThat(done.rebalance().partitionsLeft()).isZero();
            CacheReport audit = report(done, joiner, GridTables.AUDIT_LOG);
            assertThat(audit.moving).isZero();
            assertThat(audit.primary + audit.backup).isEqualTo(partitions);
            // Every row of the one node before the join was copied to the new one.
            assertThat(audit.rebalanceKeysReceived).isGreaterThanOrEqualTo(rows);
            assertThat(client.cache(GridTables.AUDIT_LOG).size()).isGreaterThanOrEqualTo(rows);
        }
    }

    /** The report of {@code cache} by the node named {@code consistentId}; fails when it did not answer. */
    private static CacheReport report(ClusterOverview o, String consistentId, String cache) {
        NodeReport r = o.nodes().stream().filter(n -> n.consistentId().equals(consistentId)).findFirst()
                .map(ClusterOverview.NodeOverview::report)
                .orElseThrow(() -> new AssertionError(consistentId + " is not in the overview"));
        if (r == null) {
            throw new AssertionError(consistentId + " did not answer");
        }
        return r.caches.stream().filter(c -> c.cache.equals(cache)).findFirst()
                .orElseThrow(() -> new AssertionError(consistentId + " reports no " + cache));
    }

    @Test
    void losingBothCopiesOfPartitionsIsReportedRefusesTheirKeysAndAResetMakesThemUsableAndEmpty() throws Exception {
        try (LocalGridCluster cluster = new LocalGridCluster("overview-lost")) {
            Ignite survivor = cluster.startNode();
            int second = cluster.startProcess(survivor, 2);
            int third = cluster.startProcess(survivor, 3);
            List<Account> accounts = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                accounts.add(new Account("LOST-" + i, "Lost " + i, "USD", 1_000_000, "TEST"));
            }
            // Written once the third node has joined and rebalanced: a transaction that spans a
            // partition map exchange can time out on a busy machine.
            await().atMost(WAIT).until(() -> settled(read(survivor), 3));
            new ReferenceDataWriter(survivor).upsertAccounts(accounts);

            // Both other nodes at once: a partition whose primary and backup were both on them is lost
            // (about a third of them with three nodes and one backup).
            cluster.killProcess(second);
            cluster.killProcess(third);
            await().atMost(WAIT).until(() -> {
                ClusterOverview o = read(survivor);
                return o.servers() == 1 && o.unreachable() == 0 && o.lostPartitions() > 0;
            });
            ClusterOverview lost = read(survivor);
            Set<Integer> lostIds = null;
            for (ClusterOverview.CacheSummary cache : lost.caches()) {
                Set<Integer> ids = new HashSet<>(survivor.cache(cache.cache()).lostPartitions());
                assertThat(new HashSet<>(cache.lostPartitions())).as(cache.cache()).isEqualTo(ids).isNotEmpty();
                // The survivor holds every partition now: the ones it could keep, and the lost ones.
                CacheReport c = perNode(lost, cache.cache()).get(0);
                assertThat(c.lost).isEqualTo(ids.size());
                assertThat(c.owning + c.lost).isEqualTo(partitionsOf(survivor, cache.cache()));
                // Every partitioned cache has the same affinity, so the same partitions are lost in each.
                if (lostIds == null) {
                    lostIds = ids;
                }
                assertThat(ids).isEqualTo(lostIds);
            }

            // A key in a lost partition is refused (READ_WRITE_SAFE), not answered with null.
            IgniteCache<String, AccountRow> accountsCache = survivor.cache(GridTables.ACCOUNTS);
            String lostAccount = null;
            String keptAccount = null;
            for (Account a : accounts) {
                boolean inLost = lostIds.contains(survivor.affinity(GridTables.ACCOUNTS).partition(a.accountId()));
                if (inLost && lostAccount == null) {
                    lostAccount = a.accountId();
                } else if (!inLost && keptAccount == null) {
                    keptAccount = a.accountId();
                }
            }
            assertThat(lostAccount).as("an account in a lost partition").isNotNull();
            assertThat(accountsCache.get(keptAccount)).isNotNull();
            String refused = lostAccount;
            assertThatThrownBy(() -> accountsCache.get(refused)).isInstanceOf(CacheException.class)
                    .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(CacheInvalidStateException.class));

            long now = System.currentTimeMillis();
            LostPartitions.ResetReport report = LostPartitions.reset(survivor, "ops", "two nodes lost for good", now);
            assertThat(report.partitionsByCache().keySet()).containsExactlyElementsOf(PartitionedCaches.NAMES);
            assertThat(report.partitionsByCache().values()).containsOnly(lostIds.size());
            assertThat(report.partitions()).isEqualTo((long) lostIds.size() * PartitionedCaches.NAMES.size());

            await().atMost(WAIT).until(() -> read(survivor).lostPartitions() == 0);
            ClusterOverview reset = read(survivor);
            for (ClusterOverview.CacheSummary cache : reset.caches()) {
                CacheReport c = perNode(reset, cache.cache()).get(0);
                assertThat(c.lost).as(cache.cache()).isZero();
                assertThat(c.owning).isEqualTo(partitionsOf(survivor, cache.cache()));
            }
            // Usable again, and empty: the reset accepted the loss of what the partition held.
            assertThat(accountsCache.get(refused)).isNull();
            assertThat(accountsCache.get(keptAccount)).isNotNull();
            AuditRow audit = survivor.<String, AuditRow>cache(GridTables.AUDIT_LOG).get(report.auditEventId());
            assertThat(audit.action).isEqualTo(LostPartitions.AUDIT_ACTION);
            assertThat(audit.actor).isEqualTo("ops");
            assertThat(audit.reason).isEqualTo("two nodes lost for good");
            assertThat(audit.ts).isEqualTo(now);
            assertThat(audit.details).contains("ACCOUNTS", "POSITIONS", lostIds.size() + " partitions");

            // A second reset finds nothing to do and audits nothing.
            assertThat(LostPartitions.reset(survivor, "ops", "again", now + 1))
                    .isEqualTo(new LostPartitions.ResetReport(Map.of(), 0, null));
        }
    }

    @Test
    void theCallbackBacklogCountsContinuousQueryEventsWaitingForAnAsyncCallback() throws Exception {
        try (LocalGridCluster cluster = new LocalGridCluster("overview-backlog")) {
            Ignite node = cluster.startNode();
            await().atMost(WAIT).until(() -> NodeReportJob.measure(node).callbackQueue == 0);
            IgniteCache<String, AuditRow> audit = node.cache(GridTables.AUDIT_LOG);
            ContinuousQuery<String, AuditRow> query = new ContinuousQuery<String, AuditRow>()
                    .setLocalListener(new BlockedListener());
            int events = 200;
            BlockedListener.release = new CountDownLatch(1);
            try (QueryCursor<?> cursor = audit.query(query)) {
                for (int i = 0; i < events; i++) {
                    AuditRow row = new AuditRow();
                    row.action = "BACKLOG_TEST";
                    audit.put("backlog-" + i, row);
                }
                // The pool has one thread per stripe: while every callback blocks, at most that many
                // events are being handled and the rest wait in the queue.
                int threads = node.configuration().getAsyncCallbackPoolSize();
                await().atMost(WAIT).until(() -> NodeReportJob.measure(node).callbackQueue >= events - threads);
                assertThat(read(node).nodes().get(0).report().callbackQueue).isGreaterThanOrEqualTo(events - threads);
                BlockedListener.release.countDown();
                await().atMost(WAIT).until(() -> NodeReportJob.measure(node).callbackQueue == 0);
            } finally {
                BlockedListener.release.countDown();
            }
        }
    }

    /** A continuous-query listener in the async-callback pool that waits until the test releases it. */
    @IgniteAsyncCallback
    private static final class BlockedListener implements CacheEntryUpdatedListener<String, AuditRow> {

        static volatile CountDownLatch release = new CountDownLatch(0);

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends AuditRow>> events) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ClusterOverview read(Ignite ignite) {
        return ClusterOverviews.read(ignite, CALL_TIMEOUT);
    }

    /** The cluster has {@code servers} servers, each answered, and nothing is rebalancing. */
    private static boolean settled(ClusterOverview o, int servers) {
        return o.servers() == servers && o.nodes().size() == servers && o.unreachable() == 0
                && !o.rebalance().inProgress();
    }

    /** The partition count of the cache's affinity function, read from its configuration. */
    private static int partitionsOf(Ignite ignite, String cache) {
        @SuppressWarnings("unchecked")
        CacheConfiguration<?, ?> cfg = ignite.cache(cache).getConfiguration(CacheConfiguration.class);
        int configured = cfg.getAffinity().partitions();
        // GridTables sets no affinity function of its own: Ignite's default, rendezvous hashing over 1024.
        assertThat(cfg.getAffinity()).isInstanceOf(RendezvousAffinityFunction.class);
        assertThat(configured).isEqualTo(RendezvousAffinityFunction.DFLT_PARTITION_COUNT);
        assertThat(ignite.affinity(cache).partitions()).isEqualTo(configured);
        return configured;
    }

    private static List<CacheReport> perNode(ClusterOverview o, String cache) {
        List<CacheReport> out = new ArrayList<>();
        for (NodeReport r : reports(o)) {
            r.caches.stream().filter(c -> c.cache.equals(cache)).forEach(out::add);
        }
        return out;
    }

    private static List<NodeReport> reports(ClusterOverview o) {
        return o.nodes().stream().map(ClusterOverview.NodeOverview::report).toList();
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable t = e; t != null && !out.contains(t); t = t.getCause()) {
            out.add(t);
        }
        return out;
    }
}
