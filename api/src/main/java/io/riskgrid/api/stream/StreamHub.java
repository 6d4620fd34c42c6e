package io.riskgrid.api.stream;

import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The clients of one stream and the fan-out to them. The grid's continuous-query callback
 * {@linkplain #publish publishes} each change once; every client whose filter wants it gets the
 * same (immutable) event offered to its own {@link Conflator}, which never blocks, so one slow
 * client costs the callback thread nothing and the other clients nothing.
 * <p>
 * This class is thread-safe.
 */
final class StreamHub {

    /** One connected client: what it wants and its outbound buffer. */
    static final class Client {
        private final Predicate<Object> wants;
        private final Conflator<String, ServerSentEvent<Object>> buffer;

        private Client(Predicate<Object> wants, Conflator<String, ServerSentEvent<Object>> buffer) {
            this.wants = wants;
            this.buffer = buffer;
        }

        /** Offers an event the caller already knows this client wants (a resumed snapshot). */
        void offer(String key, long version, ServerSentEvent<Object> event) {
            buffer.offer(key, version, event);
        }

        boolean wants(Object payload) {
            return wants.test(payload);
        }
    }

    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final StreamMetrics metrics;
    private final int maxKeysPerClient;

    StreamHub(StreamMetrics metrics, int maxKeysPerClient) {
        this.metrics = metrics;
        this.maxKeysPerClient = maxKeysPerClient;
    }

    /**
     * A new client, receiving (buffering) published events from now on. Its frames come from
     * {@link #frames}; whatever ends them removes the client.
     *
     * @param wants           which payloads the client wants
     * @param minIntervalNanos least time between two frames of one key, 0 for none
     */
    Client register(Predicate<Object> wants, long minIntervalNanos) {
        Client client = new Client(wants, new Conflator<>(minIntervalNanos, maxKeysPerClient, metrics, System::nanoTime));
        clients.add(client);
        metrics.connected();
        return client;
    }

    /** The client's frames; cancelling or ending them removes it. */
    Flux<ServerSentEvent<Object>> frames(Client client) {
        return client.buffer.frames()
                .doOnNext(e -> metrics.sent())
                .doFinally(signal -> remove(client));
    }

    /** Removes a client (idempotent). */
    void remove(Client client) {
        if (clients.remove(client)) {
            metrics.disconnected();
        }
    }

    /** Offers the event to every client that wants the payload. */
    void publish(String key, long version, Object payload, ServerSentEvent<Object> event) {
        for (Client c : clients) {
            if (c.wants(payload)) {
                c.offer(key, version, event);
            }
        }
    }

    /** Whether any client wants the payload. */
    boolean anyWants(Object payload) {
        for (Client c : clients) {
            if (c.wants(payload)) {
                return true;
            }
        }
        return false;
    }

    /** Sends what throttling held back and may go now. */
    void drainAll() {
        clients.forEach(c -> c.buffer.drain());
    }

    /** Ends every client's stream. */
    void completeAll() {
        clients.forEach(c -> c.buffer.complete());
    }

    int size() {
        return clients.size();
    }
}
