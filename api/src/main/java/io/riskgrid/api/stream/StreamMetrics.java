package io.riskgrid.api.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Prometheus metrics of one stream ({@code stream} tag {@code risk} or {@code alerts}):
 * <ul>
 *   <li>{@code riskgrid.stream.clients}: clients connected now;</li>
 *   <li>{@code riskgrid.stream.frames.sent}: frames handed to clients (heartbeats not counted);</li>
 *   <li>{@code riskgrid.stream.frames.dropped{reason=superseded}}: frames replaced by a newer frame of
 *       the same account or alert before the client took them, because the client read slowly or the
 *       account was throttled;</li>
 *   <li>{@code riskgrid.stream.frames.dropped{reason=overflow}}: frames lost because a client's
 *       buffer was full of other keys.</li>
 * </ul>
 * This class is thread-safe.
 */
final class StreamMetrics implements Conflator.Drops {

    private final AtomicInteger clients = new AtomicInteger();
    private final Counter sent;
    private final Counter superseded;
    private final Counter overflow;

    StreamMetrics(MeterRegistry registry, String stream) {
        Gauge.builder("riskgrid.stream.clients", clients, AtomicInteger::get)
                .description("Clients connected to the stream").tag("stream", stream).register(registry);
        sent = Counter.builder("riskgrid.stream.frames.sent")
                .description("Frames sent to stream clients").tag("stream", stream).register(registry);
        superseded = dropped(registry, stream, "superseded");
        overflow = dropped(registry, stream, "overflow");
    }

    private static Counter dropped(MeterRegistry registry, String stream, String reason) {
        return Counter.builder("riskgrid.stream.frames.dropped")
                .description("Frames a stream client never received: replaced by a newer one (superseded) or "
                        + "evicted from a full buffer (overflow)")
                .tag("stream", stream).tag("reason", reason).register(registry);
    }

    void connected() {
        clients.incrementAndGet();
    }

    void disconnected() {
        clients.decrementAndGet();
    }

    void sent() {
        sent.increment();
    }

    @Override
    public void superseded() {
        superseded.increment();
    }

    @Override
    public void overflow() {
        overflow.increment();
    }
}
