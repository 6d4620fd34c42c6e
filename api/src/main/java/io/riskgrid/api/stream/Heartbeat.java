package io.riskgrid.api.stream;

import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

import java.time.Duration;

/** Keep-alive comments for server-sent event streams, so proxies do not close a quiet connection. */
public final class Heartbeat {

    private Heartbeat() {
    }

    /**
     * A {@code : connected} comment, sent first on a stream once the client is registered, so the
     * response starts at once (an {@code EventSource} fires {@code open}) and a client knows that
     * every change from then on reaches it.
     */
    public static <T> ServerSentEvent<T> connected() {
        return ServerSentEvent.<T>builder().comment("connected").build();
    }

    /**
     * The events, with a {@code : keep-alive} comment every {@code every} between them, for as long
     * as the events last: when they end, the stream ends. A comment due while the client is not
     * reading is skipped, and the events are taken one at a time, so that the client's own
     * buffer (a {@code Conflator}) decides what waits.
     */
    public static <T> Flux<ServerSentEvent<T>> with(Flux<ServerSentEvent<T>> events, Duration every) {
        Flux<ServerSentEvent<T>> beats = Flux.interval(every, every)
                .onBackpressureDrop()
                .map(t -> ServerSentEvent.<T>builder().comment("keep-alive").build());
        return events.publish(shared -> Flux.merge(1, shared, beats.takeUntilOther(shared.then())), 1);
    }
}
