package io.riskgrid.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.simulation.DemoBook;
import org.HdrHistogram.ConcurrentHistogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load driver for DESIGN.md's target "pre-trade check over HTTP: p99 &lt;= 2 ms": POSTs orders to
 * {@code /api/v1/pretrade/check} of a running API with {@link HttpClient} (HTTP/1.1, connections
 * kept alive) from {@code concurrency} clients, open loop at {@code rate} requests/s (or closed loop,
 * each client sending its next request when its last was answered, at rate 0), and prints one JSON line:
 * <pre>
 * {"bench":"pretrade-http","requests":..,"concurrency":..,"throughput":..,"latencyP50Ms":..,"latencyP99Ms":..,
 *  "latencyP999Ms":..,"latencyMaxMs":..,"approved":..,"rejected":..,"errors":..,...}
 * </pre>
 * Orders are {@code BUY 10 @ 100} spread over the accounts {@code GET /api/v1/accounts} lists and the
 * demo's instruments ({@link DemoBook#DEFAULT}). A request's latency is from just before
 * {@code send} (open loop: from when it was due) to the response body read, so it includes this
 * client's own HTTP work, on the same machine as the server. The first {@code warmup} requests are a
 * closed-loop phase of their own, answered before the measured phase's schedule starts, and not
 * recorded.
 * <pre>
 * ./riskgrid demo --no-simulator &amp;
 * java -cp benchmarks/target/benchmarks.jar io.riskgrid.bench.load.PreTradeHttpBench \
 *      --url http://127.0.0.1:8080 --requests 20000 --concurrency 4 --warmup 2000
 * </pre>
 */
public final class PreTradeHttpBench {

    static final String PATH = "/api/v1/pretrade/check";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final HttpClient http;

    PreTradeHttpBench(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pretrade-http: " + e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        JsonLine line;
        try {
            line = new PreTradeHttpBench(settings).run();
        } catch (IOException e) {
            System.err.println("pretrade-http: cannot reach " + settings.url() + ": " + e);
            System.exit(1);
            return;
        }
        System.out.println(line);
    }

    JsonLine run() throws IOException, InterruptedException {
        List<String> accounts = accounts();
        List<String> instruments = new ArrayList<>();
        for (Instrument i : DemoBook.DEFAULT.instruments()) {
            instruments.add(i.instrumentId());
        }
        List<byte[]> bodies = orders(accounts, instruments);
        URI uri = URI.create(settings.url() + PATH);
        Tally tally = new Tally();
        System.err.println("pretrade-http: " + settings.warmup() + " warm-up and " + settings.requests()
                + " measured requests to " + uri + " from " + settings.concurrency() + " clients, "
                + accounts.size() + " accounts x " + instruments.size() + " instruments");
        // The warm-up is a phase of its own, closed loop (as fast as the server answers, which warms
        // its JIT soonest) and answered in full before the measured phase's schedule starts: a cold
        // server's backlog is the warm-up's, not the measured requests'.
        send(uri, bodies, 0, settings.warmup(), 0, null);
        send(uri, bodies, settings.warmup(), settings.requests(), settings.rate(), tally);
        if (tally.firstError.get() != null) {
            System.err.println("pretrade-http: " + tally.errors.sum() + " requests failed; the first: " + tally.firstError.get());
        }
        LatencySummary summary = LatencySummary.ofNanos(tally.latency);
        double seconds = tally.last.get() > tally.first.get() ? (tally.last.get() - tally.first.get()) / 1e9 : Double.NaN;
        return JsonLine.of("pretrade-http")
                .put("requests", summary.count())
                .put("concurrency", settings.concurrency())
                .put("throughput", Math.round(summary.count() / seconds))
                .put("rate", settings.rate())
                .put("latency", summary)
                .put("approved", tally.approved.sum())
                .put("rejected", tally.rejected.sum())
                .put("errors", tally.errors.sum())
                .put("warmup", settings.warmup())
                .put("accounts", accounts.size())
                .put("instruments", instruments.size())
                .put("url", settings.url())
                // The client shares the machine with the server it measures; the load says how busy both were.
                .put("loadAvg1m", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                .put("cores", Runtime.getRuntime().availableProcessors());
    }

    /** What the measured phase saw. */
    private static final class Tally {
        final ConcurrentHistogram latency = new ConcurrentHistogram(3);
        final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        final LongAdder approved = new LongAdder();
        final LongAdder rejected = new LongAdder();
        final LongAdder errors = new LongAdder();
        final AtomicReference<String> firstError = new AtomicReference<>();
    }

    /**
     * Sends requests {@code from .. from + count - 1} (each names order {@code i % bodies}) from
     * the clients and returns when all are answered; records them in {@code tally} unless it is null
     * (the warm-up, whose failures are only counted when measured).
     */
    private void send(URI uri, List<byte[]> bodies, long from, long count, int rate, Tally tally) throws InterruptedException {
        AtomicLong next = new AtomicLong(from);
        long end = from + count;
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
        // Open loop at --rate: request i is due at t0 + (i - from) / rate and its latency runs from
        // then, so a client that falls behind shows its lag instead of hiding it (coordinated omission).
        long t0 = System.nanoTime() + 10_000_000L;
        double intervalNanos = rate > 0 ? 1e9 / rate : 0;
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < settings.concurrency(); c++) {
                clients.add(pool.submit(() -> {
                    long i;
                    while ((i = next.getAndIncrement()) < end) {
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get((int) (i % bodies.size()))))
                                .build();
                        long start;
                        if (intervalNanos > 0) {
                            start = t0 + Math.round((i - from) * intervalNanos);
                            Pacing.awaitNanos(start);
                        } else {
                            start = System.nanoTime();
                        }
                        HttpResponse<byte[]> response;
                        try {
                            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        } catch (IOException e) {
                            failed(tally, e.toString());
                            continue;
                        }
                        long done = System.nanoTime();
                        if (response.statusCode() != 200) {
                            failed(tally, "HTTP " + response.statusCode() + ": "
                                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                            continue;
                        }
                        if (tally != null) {
                            tally.first.accumulateAndGet(start, Math::min);
                            tally.latency.recordValue(done - start);
                            tally.last.accumulateAndGet(done, Math::max);
                            if (JSON.readTree(response.body()).path("approved").asBoolean(false)) {
                                tally.approved.increment();
                            } else {
                                tally.rejected.increment();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a client failed", e.getCause());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static void failed(Tally tally, String problem) {
        if (tally != null) {
            tally.errors.increment();
            tally.firstError.compareAndSet(null, problem);
        }
    }

    /** The account ids the API lists. */
    private List<String> accounts() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url() + "/api/v1/accounts"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/v1/accounts answered HTTP " + response.statusCode());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode a : JSON.readTree(response.body())) {
            String id = a.path("accountId").asText(null);
            if (id != null && !id.isBlank()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw new IOException("GET /api/v1/accounts listed no accounts: load the demo data first");
        }
        return ids;
    }

    /**
     * Order bodies, serialized once so that the measured loop does no JSON writing: every account
     * with every instrument, walked so that consecutive orders differ in both.
     */
    static List<byte[]> orders(List<String> accounts, List<String> instruments) {
        int n = accounts.size() * instruments.size();
        List<byte[]> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            // Round k / accounts gives each account every instrument once; the account's index shifts
            // its start, so that consecutive orders name different instruments too.
            int account = k % accounts.size();
            int round = k / accounts.size();
            ObjectNode o = JSON.createObjectNode()
                    .put("accountId", accounts.get(account))
                    .put("instrumentId", instruments.get((round + account) % instruments.size()))
                    .put("side", "BUY")
                    .put("quantity", 10)
                    .put("price", 100);
            try {
                out.add(JSON.writeValueAsBytes(o));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /**
     * The command line of the driver.
     *
     * @param url         base URL of the API
     * @param requests    measured requests
     * @param concurrency closed-loop clients
     * @param warmup      requests sent first, closed loop, and not recorded
     * @param rate        requests per second offered, open loop; 0 sends each client's next request as soon as its last is answered
     */
    public record Settings(String url, int requests, int concurrency, int warmup, int rate) {

        static final String USAGE = "usage: PreTradeHttpBench [--url http://127.0.0.1:8080] [--requests 20000]"
                + " [--concurrency 4] [--warmup 2000] [--rate 500 (requests/s; 0 = closed loop)]";

        private static final Set<String> OPTIONS = Set.of("url", "requests", "concurrency", "warmup", "rate");

        /** The settings the arguments ask for; throws one exception that names every bad argument. */
        public static Settings parse(String[] args) {
            BenchArgs a = BenchArgs.parse(args, OPTIONS);
            String url = a.text("url", "http://127.0.0.1:8080");
            Settings s = new Settings(url.endsWith("/") ? url.substring(0, url.length() - 1) : url,
                    a.intAtLeast("requests", 20_000, 1), a.intAtLeast("concurrency", 4, 1), a.intAtLeast("warmup", 2_000, 0),
                    a.intAtLeast("rate", 500, 0));
            List<String> problems = new ArrayList<>(a.problems());
            if (!s.url().startsWith("http://") && !s.url().startsWith("https://")) {
                problems.add("--url must start with http:// or https://, was '" + url + "'");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return s;
        }
    }
}
