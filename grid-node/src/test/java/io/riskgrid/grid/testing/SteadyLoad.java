package io.riskgrid.grid.testing;

import io.riskgrid.compute.ingest.FillIngestTask;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A steady stream of fills and risk reads from a client node, as a service and a dashboard would
 * make them, recorded operation by operation so a test can say what the clients saw while nodes
 * came and went:
 * <ul>
 *   <li>a sender sends the batches one after the other through the fill task, pausing between two,
 *       and sends a batch again when it fails (at-least-once delivery: fills are idempotent by id);</li>
 *   <li>a reader reads the risk rows of every account, again and again.</li>
 * </ul>
 * Thread-safe: the two threads write their own lists, read after {@link #close()}.
 */
public final class SteadyLoad implements AutoCloseable {

    /** One operation: when it started and ended (System.nanoTime) and whether it succeeded. */
    public record Op(long start, long end, boolean ok, String error) {
    }

    private final Ignite client;
    private final List<List<Fill>> batches;
    private final Set<String> accounts;
    private final long pauseMs;
    private final List<Op> sends = Collections.synchronizedList(new ArrayList<>());
    private final List<Op> reads = Collections.synchronizedList(new ArrayList<>());
    private final List<CountDownLatch> sent = new ArrayList<>();
    private final Thread sender;
    private final Thread reader;
    private volatile boolean stop;
    private volatile long accepted;
    private volatile long duplicates;

    public SteadyLoad(Ignite client, List<List<Fill>> batches, Set<String> accounts, long pauseMs) {
        this.client = client;
        this.batches = batches;
        this.accounts = new TreeSet<>(accounts);
        this.pauseMs = pauseMs;
        for (int i = 0; i < batches.size(); i++) {
            sent.add(new CountDownLatch(1));
        }
        this.sender = new Thread(this::send, "steady-load-sender");
        this.reader = new Thread(this::read, "steady-load-reader");
    }

    public SteadyLoad start() {
        sender.start();
        reader.start();
        return this;
    }

    /** Waits until batch {@code index} has been accepted. */
    public void awaitSent(int index) throws InterruptedException {
        if (!sent.get(index).await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("batch " + index + " was not accepted within 5 minutes");
        }
    }

    /** Waits for the last batch, then stops the reader. */
    @Override
    public void close() throws InterruptedException {
        sender.join(TimeUnit.MINUTES.toMillis(5));
        stop = true;
        sender.interrupt();
        reader.join(TimeUnit.MINUTES.toMillis(1));
    }

    public List<Op> sends() {
        return List.copyOf(sends);
    }

    public List<Op> reads() {
        return List.copyOf(reads);
    }

    /** Fills reported accepted (new) by the successful sends, over all batches. */
    public long accepted() {
        return accepted;
    }

    /** Fills reported as duplicates by the successful sends (re-sent after a failed attempt that had applied them). */
    public long duplicates() {
        return duplicates;
    }

    public static long failures(List<Op> ops) {
        return ops.stream().filter(o -> !o.ok()).count();
    }

    /** The first few failures, for a test's message. */
    public static List<String> errors(List<Op> ops) {
        return ops.stream().filter(o -> !o.ok()).map(Op::error).distinct().limit(5).toList();
    }

    /**
     * The time the clients went without a successful operation across {@code at} (System.nanoTime):
     * from the end of the last success before it to the end of the first success after it, ms.
     */
    public static double gapAcrossMs(List<Op> ops, long at) {
        long before = Long.MIN_VALUE;
        long after = Long.MAX_VALUE;
        for (Op o : ops) {
            if (!o.ok()) {
                continue;
            }
            if (o.end() <= at) {
                before = Math.max(before, o.end());
            } else {
                after = Math.min(after, o.end());
            }
        }
        if (before == Long.MIN_VALUE || after == Long.MAX_VALUE) {
            return Double.NaN;
        }
        return (after - before) / 1e6;
    }

    private void send() {
        for (int i = 0; i < batches.size(); i++) {
            while (true) {
                long start = System.nanoTime();
                try {
                    IngestResult r = client.compute().execute(FillIngestTask.NAME, FillBatch.of(batches.get(i)));
                    sends.add(new Op(start, System.nanoTime(), true, null));
                    accepted += r.accepted();
                    duplicates += r.duplicates();
                    break;
                } catch (RuntimeException e) {
                    sends.add(new Op(start, System.nanoTime(), false, e.getClass().getSimpleName() + ": " + e.getMessage()));
                    if (!pause(100)) {
                        return;
                    }
                }
            }
            sent.get(i).countDown();
            if (!pause(pauseMs)) {
                return;
            }
        }
    }

    private void read() {
        while (!stop) {
            long start = System.nanoTime();
            try {
                int n = client.cache(GridTables.ACCOUNT_RISK).getAll(accounts).size();
                reads.add(new Op(start, System.nanoTime(), n == accounts.size(),
                        n == accounts.size() ? null : "read " + n + " of " + accounts.size() + " risk rows"));
            } catch (RuntimeException e) {
                reads.add(new Op(start, System.nanoTime(), false, e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
            if (!pause(20)) {
                return;
            }
        }
    }

    private static boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
