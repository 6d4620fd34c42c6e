package io.riskgrid.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A server-sent events client for tests, over the JDK's HTTP client: it reads the stream on a
 * thread of its own and queues every event (comments included) with the time it arrived, so a test
 * can wait for an event and say how long it took. {@link #close()} ends the connection.
 */
public final class SseClient implements AutoCloseable {

    /** One event as the stream framed it; {@code comment} is set for a comment line and nothing else. */
    public record Event(String id, String event, String data, String comment, long receivedNanos) {

        /** The data parsed as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public boolean isComment() {
            return comment != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    private SseClient(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            lines = r.body();
            Thread t = new Thread(() -> read(r), "sse-client " + uri.getPath());
            t.setDaemon(true);
            t.start();
        });
    }

    /** Connects to {@code url} with the given request headers. */
    public static SseClient open(String url, Map<String, String> headers) {
        return new SseClient(URI.create(url), headers);
    }

    public static SseClient open(String url) {
        return open(url, Map.of());
    }

    /** The response status, once the headers have come. */
    public int status(Duration timeout) throws Exception {
        return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
    }

    /** The next event (comment or not) that matches, waiting at most {@code timeout}; null if none came. */
    public Event next(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                return null;
            }
            synchronized (seen) {
                seen.add(e);
            }
            if (wanted.test(e)) {
                return e;
            }
        }
    }

    /** The next event named {@code name}, waiting at most {@code timeout}; null if none came. */
    public Event next(String name, Duration timeout) throws InterruptedException {
        return next(e -> name.equals(e.event()), timeout);
    }

    /** Every event that arrives within {@code window} (comments left out). */
    public List<Event> drain(Duration window) throws InterruptedException {
        List<Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (true) {
            Event e = next(x -> true, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (e == null) {
                return out;
            }
            if (!e.isComment()) {
                out.add(e);
            }
        }
    }

    private void read(HttpResponse<Stream<String>> r) {
        String id = null;
        String event = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) r.body()::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, event, data.toString(), null, System.nanoTime()));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).trim(), System.nanoTime()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String part = line.substring(5);
                    if (data == null) {
                        data = new StringBuilder(part);
                    } else {
                        data.append('\n').append(part);
                    }
                }
            }
        } catch (RuntimeException e) {
            // The connection was closed.
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
    }
}
