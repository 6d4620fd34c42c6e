package io.riskgrid.compute.ingest;

import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.Side;
import io.riskgrid.grid.schema.FillKey;
import io.riskgrid.grid.schema.FillRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteDataStreamer;
import org.apache.ignite.lang.IgniteFuture;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fastest way into the grid for a process that is itself a grid node (a server, or a client
 * node such as the API or a co-located order gateway): fills go through an Ignite data streamer,
 * buffered per node and sent straight to the primary node of their account, where
 * {@link FillReceiver} applies each buffer in a few multi-account transactions with the same
 * checks and the same all-or-nothing writes as the ingest task ({@link FillIngestTask}).
 * <p>
 * Delivery is at least once (the streamer re-sends a buffer whose node failed) and fills are
 * idempotent by id, so every fill counts once. The receiving node splits a buffer into pieces by
 * partition (one per streamer stripe) and applies each piece on its own: a piece that names an
 * unknown account or instrument is refused whole, with every fill of the accounts in it, and the
 * futures of its fills fail with the problems named; other pieces of the same {@link #addAll}
 * may be applied. Resending the corrected fills is safe: those already applied count as
 * duplicates. Fills of one account are applied in the order they were added as long as
 * {@link Settings#parallelOperations()} is 1 per node; with more, two buffers for the same node may
 * be applied in either order (quantities come out the same, average price and realized P&L may
 * not), which is the right trade for replaying a day's fills as fast as possible and the wrong
 * one for a live feed that must be in order.
 * <p>
 * Thread-safe, as the underlying streamer is.
 */
public final class FillStreamer implements AutoCloseable {

    /**
     * How the streamer buffers.
     *
     * @param bufferSize          fills buffered per node before a buffer is sent
     * @param parallelOperations  buffers in flight per node (1 keeps each account's fills in order)
     * @param flushMillis         the longest a fill waits in a part-full buffer; 0 waits for a full buffer or {@link #flush()}
     */
    public record Settings(int bufferSize, int parallelOperations, long flushMillis) {

        /** In-order defaults: 4,096 fills a buffer, one buffer in flight per node, flushed at least every 5 ms. */
        public static final Settings DEFAULT = new Settings(4_096, 1, 5);

        public Settings {
            if (bufferSize < 1 || parallelOperations < 1 || flushMillis < 0) {
                throw new IllegalArgumentException("bufferSize and parallelOperations must be at least 1 and flushMillis "
                        + "at least 0, were " + bufferSize + ", " + parallelOperations + ", " + flushMillis);
            }
        }
    }

    private final IgniteDataStreamer<FillKey, FillRow> streamer;

    private FillStreamer(IgniteDataStreamer<FillKey, FillRow> streamer) {
        this.streamer = streamer;
    }

    /** A streamer with {@link Settings#DEFAULT}. */
    public static FillStreamer open(Ignite ignite) {
        return open(ignite, Settings.DEFAULT);
    }

    public static FillStreamer open(Ignite ignite, Settings settings) {
        IgniteDataStreamer<FillKey, FillRow> s = ignite.dataStreamer(GridTables.FILLS);
        s.receiver(new FillReceiver());
        s.perNodeBufferSize(settings.bufferSize());
        s.perThreadBufferSize(settings.bufferSize());
        s.perNodeParallelOperations(settings.parallelOperations());
        s.autoFlushFrequency(settings.flushMillis());
        return new FillStreamer(s);
    }

    /** Adds one fill; the future completes when the buffer it went in is applied, or fails with why it was refused. */
    public IgniteFuture<?> add(Fill fill) {
        return streamer.addData(new FillKey(fill.accountId(), fill.fillId()), row(fill));
    }

    /** Adds fills in their order; the future completes when all are applied, or fails with why one was refused. */
    public IgniteFuture<?> addAll(Collection<Fill> fills) {
        Map<FillKey, FillRow> entries = new LinkedHashMap<>(fills.size() * 2);
        for (Fill f : fills) {
            entries.put(new FillKey(f.accountId(), f.fillId()), row(f));
        }
        return streamer.addData(entries);
    }

    /** Sends every buffered fill and waits until all are applied. */
    public void flush() {
        streamer.flush();
    }

    /** Flushes and closes. */
    @Override
    public void close() {
        streamer.close();
    }

    /** The fill as the streamer carries it: its key holds the account and fill id, the row the rest. */
    static FillRow row(Fill f) {
        FillRow r = new FillRow();
        r.instrumentId = f.instrumentId();
        r.side = f.side().name();
        r.quantity = f.quantity();
        r.price = f.price();
        r.ts = f.timestamp();
        r.strategy = f.strategy();
        r.venue = f.venue();
        return r;
    }

    /** The fill a streamed entry carries. */
    static Fill fill(FillKey k, FillRow r) {
        return new Fill(k.fillId(), k.accountId(), r.instrumentId, Side.valueOf(r.side), r.quantity, r.price, r.ts,
                r.strategy, r.venue);
    }
}
