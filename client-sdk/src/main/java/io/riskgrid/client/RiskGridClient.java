package io.riskgrid.client;

import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.FillBatch;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.pretrade.PreTradeDecision;
import io.riskgrid.core.pretrade.PreTradeOrder;
import io.riskgrid.core.stress.StressReport;
import io.riskgrid.core.stress.StressRequest;
import io.riskgrid.core.var.VarReport;
import io.riskgrid.core.var.VarRequest;
import io.riskgrid.core.var.VarScope;
import io.riskgrid.core.price.Price;
import io.riskgrid.core.price.PriceBatch;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.client.ClientCompute;
import org.apache.ignite.client.ClientException;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java SDK for services that feed RiskGrid and read its risk: publishes fills and prices to the
 * grid and runs SQL over its live tables, over one Ignite thin-client connection (port 10800 by
 * default). It needs no RiskGrid classes beyond {@code risk-core}: fills and prices go to the grid's
 * ingest tasks by name ({@link #FILL_INGEST_TASK}, {@link #PRICE_INGEST_TASK}), which run on the
 * server nodes next to the data.
 *
 * <h2>Batches and what is applied</h2>
 * A publish call sends its list in order, in batches of at most {@link ClientSettings#batchSize()}
 * entries, one batch after the other. The grid checks every entry of a batch and then either
 * applies the whole batch or rejects it and applies none of it; a rejected batch throws a
 * {@link FillRejectedException} or {@link PriceRejectedException} naming each bad entry by its index
 * in the caller's list. A list that fits in one batch is therefore applied all or nothing. A longer
 * list is not: the batches before a rejected one stay applied and the batches after it are not
 * sent. Fills are idempotent by {@code fillId}, so after correcting the bad fill the caller may
 * publish the whole list again: the fills already applied come back as duplicates and count once.
 *
 * <h2>Failures</h2>
 * Invalid arguments throw {@link IllegalArgumentException} naming the argument. A connection or
 * timeout failure throws the thin client's {@link ClientException}; the batch in flight may or may
 * not have been applied, and publishing it again is safe for fills (idempotent by id) and for
 * prices (a price never replaces a newer one).
 *
 * <pre>{@code
 * try (RiskGridClient client = RiskGridClient.connect("127.0.0.1:10800")) {
 *     IngestResult r = client.publishFills(List.of(Fill.of("f-1", "ACC-A", "AAPL", Side.BUY, 100, 101.5, now)));
 *     List<List<?>> rows = client.sql("SELECT QUANTITY, AVG_PRICE FROM POSITIONS WHERE ACCOUNT_ID = ?", "ACC-A");
 * }
 * }</pre>
 * This class is thread-safe: one instance may be shared by every thread of a service.
 */
public final class RiskGridClient implements AutoCloseable {

    /** Name of the grid's fill-ingest task; argument a {@link FillBatch}, result an {@link IngestResult}. */
    public static final String FILL_INGEST_TASK = "io.riskgrid.compute.ingest.FillIngestTask";

    /** Name of the grid's price-ingest task; argument a {@link PriceBatch}, result an {@link IngestResult}. */
    public static final String PRICE_INGEST_TASK = "io.riskgrid.compute.ingest.PriceIngestTask";

    /** The grid task that checks an order before it is sent. */
    public static final String PRE_TRADE_CHECK_TASK = "io.riskgrid.compute.pretrade.PreTradeCheckTask";

    /** The grid task that computes one account's VaR on its primary node; a {@link VarRequest} of scope ACCOUNT. */
    public static final String ACCOUNT_VAR_TASK = "io.riskgrid.compute.var.AccountVarTask";

    /** The grid task that computes the firm's VaR as a map-reduce over the nodes; a {@link VarRequest} of scope FIRM. */
    public static final String FIRM_VAR_TASK = "io.riskgrid.compute.var.FirmVarTask";

    /** The grid task that stress-tests every account next to its data; a {@link StressRequest}. */
    public static final String STRESS_TASK = "io.riskgrid.compute.stress.StressTask";

    /** The SQL schema every RiskGrid table is in. */
    public static final String SCHEMA = "PUBLIC";

    /** The index at the start of a problem reported by the grid: {@code fills[3].price ...}. */
    private static final Pattern PROBLEM_INDEX = Pattern.compile("^(fills|prices)\\[(\\d+)]");

    private final IgniteClient ignite;
    private final ClientCompute compute;
    private final ClientSettings settings;

    private RiskGridClient(IgniteClient ignite, ClientSettings settings) {
        this.ignite = ignite;
        this.settings = settings;
        this.compute = ignite.compute().withTimeout(settings.timeout().toMillis());
    }

    /** Connects to the grid at the given thin-client addresses with default settings. */
    public static RiskGridClient connect(String... addresses) {
        return connect(ClientSettings.of(addresses));
    }

    /** Connects to the grid with the given settings. */
    public static RiskGridClient connect(ClientSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings is required");
        }
        ClientConfiguration cfg = new ClientConfiguration()
                .setAddresses(settings.addresses().toArray(new String[0]))
                .setTimeout((int) settings.timeout().toMillis());
        return new RiskGridClient(Ignition.startClient(cfg), settings);
    }

    /** A builder of settings, to connect with other than the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings this client was connected with. */
    public ClientSettings settings() {
        return settings;
    }

    /**
     * Publishes fills, in order, in batches of at most {@link ClientSettings#batchSize()}. Each
     * batch is applied all or nothing; see the class comment for what a rejection of a later batch
     * leaves applied.
     *
     * @param fills the fills; an empty list sends nothing
     * @return the fills applied and the fills recognized as already applied, summed over the batches
     * @throws FillRejectedException when the grid rejects a batch; nothing of that batch or later
     *                               batches is applied, earlier batches stay applied
     * @throws ClientException       when the grid cannot be reached or does not answer in time
     */
    public IngestResult publishFills(List<Fill> fills) {
        checkEntries(fills, "fills");
        return publish(fills, FILL_INGEST_TASK, FillBatch::of, FillRejectedException::new);
    }

    /**
     * Publishes fills like {@link #publishFills(List)} without blocking the caller. The batches are
     * still sent one after the other, each once the previous one is applied. The future fails with
     * a {@link FillRejectedException} or a {@link ClientException} in the same cases that
     * {@link #publishFills(List)} throws them; it completes on the thin client's async continuation
     * executor (the common fork-join pool by default), so callbacks should not block.
     *
     * @throws IllegalArgumentException at once (not through the future) when {@code fills} is invalid
     */
    public CompletableFuture<IngestResult> publishFillsAsync(List<Fill> fills) {
        checkEntries(fills, "fills");
        List<Fill> copy = List.copyOf(fills);
        return publishAsync(copy, 0, IngestResult.applied(0, 0));
    }

    /**
     * Publishes prices, in order, in batches of at most {@link ClientSettings#batchSize()}. The grid
     * stores each price unless it already holds a newer one for the instrument and re-marks every
     * position in that instrument, so unrealized P&L, exposure and account risk follow. Each batch is
     * applied all or nothing, as for fills.
     *
     * @return the number of prices accepted, summed over the batches (duplicates is always 0)
     * @throws PriceRejectedException when the grid rejects a batch (an unknown instrument, a
     *                                non-positive price); nothing of that batch or later ones is stored
     * @throws ClientException        when the grid cannot be reached or does not answer in time
     */
    public IngestResult publishPrices(List<Price> prices) {
        checkEntries(prices, "prices");
        return publish(prices, PRICE_INGEST_TASK, PriceBatch::of, PriceRejectedException::new);
    }

    /**
     * Checks an order before it is sent, on the grid node that holds the account: approved, or
     * rejected with reasons (the account or the firm is HALTED, a REDUCING account's order would add
     * risk, a limit's utilization after the order would exceed its cap), with every limit's
     * utilization before and after.
     *
     * @return the decision; {@link PreTradeDecision#problem()} says why an order could not be checked
     *         (an unknown account or instrument)
     * @throws ClientException when the grid cannot be reached or does not answer in time
     */
    public PreTradeDecision preTradeCheck(PreTradeOrder order) {
        if (order == null) {
            throw new IllegalArgumentException("order is required");
        }
        try {
            return compute.execute(PRE_TRADE_CHECK_TASK, order);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while waiting for " + PRE_TRADE_CHECK_TASK, e);
        }
    }

    /**
     * Computes a VaR next to the data: an account's on its primary node, the firm's as a
     * map-reduce in which every node simulates its own accounts under the same seeded scenarios.
     * The same request (and seed) gives the same figure.
     *
     * @throws ClientException when the grid cannot be reached, does not answer in time, or rejects
     *                         the request (an unknown account, no return history for HISTORICAL)
     */
    public VarReport var(VarRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request is required");
        }
        String task = request.scope() == VarScope.FIRM ? FIRM_VAR_TASK : ACCOUNT_VAR_TASK;
        return run(task, request);
    }

    /**
     * Stress-tests every account next to its data: the firm's P&L under the scenario, the worst
     * accounts and those that would breach a limit.
     *
     * @throws ClientException as {@link #var(VarRequest)}
     */
    public StressReport stress(StressRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request is required");
        }
        return run(STRESS_TASK, request);
    }

    private <A, R> R run(String task, A argument) {
        try {
            return compute.execute(task, argument);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while waiting for " + task, e);
        }
    }

    /**
     * Runs a SQL query in schema PUBLIC and returns every row, each a list of column values in
     * select order. Runs DML too ({@code UPDATE}, {@code INSERT}: one row with the update count), but
     * positions and risk must change through fills and prices, never by SQL.
     *
     * @param sql  the statement, with {@code ?} for each argument
     * @param args the arguments, in order
     * @throws ClientException when the query fails (a syntax error, an unknown table) or times out
     */
    public List<List<?>> sql(String sql, Object... args) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("sql is required");
        }
        SqlFieldsQuery q = new SqlFieldsQuery(sql)
                .setArgs(args)
                .setSchema(SCHEMA)
                .setTimeout((int) settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (FieldsQueryCursor<List<?>> cursor = ignite.query(q)) {
            return cursor.getAll();
        }
    }

    /** Closes the connection. Calls after this fail. */
    @Override
    public void close() {
        ignite.close();
    }

    private <T> IngestResult publish(List<T> entries, String task, Function<List<T>, Object> toBatch,
                                     Rejection rejection) {
        IngestResult total = IngestResult.applied(0, 0);
        int batchSize = settings.batchSize();
        for (int from = 0; from < entries.size(); from += batchSize) {
            List<T> slice = entries.subList(from, Math.min(from + batchSize, entries.size()));
            IngestResult r = execute(task, toBatch.apply(slice));
            total = accumulate(total, r, from, rejection);
        }
        return total;
    }

    private IngestResult execute(String task, Object batch) {
        try {
            return compute.execute(task, batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while waiting for " + task, e);
        }
    }

    private CompletableFuture<IngestResult> publishAsync(List<Fill> fills, int from, IngestResult soFar) {
        if (from >= fills.size()) {
            return CompletableFuture.completedFuture(soFar);
        }
        int to = Math.min(from + settings.batchSize(), fills.size());
        CompletableFuture<IngestResult> sent;
        try {
            sent = compute.<FillBatch, IngestResult>executeAsync2(FILL_INGEST_TASK, FillBatch.of(fills.subList(from, to)))
                    .toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sent.thenCompose(r -> publishAsync(fills, to, accumulate(soFar, r, from, FillRejectedException::new)));
    }

    /** Adds an applied batch to the total, or throws when the batch was rejected. */
    private static IngestResult accumulate(IngestResult total, IngestResult batch, int firstIndex, Rejection rejection) {
        if (batch == null) {
            throw new ClientException("the grid returned no result for the batch starting at index " + firstIndex);
        }
        if (batch.isRejected()) {
            throw rejection.of(reindex(batch.problems(), firstIndex), firstIndex, total);
        }
        return total.plus(batch);
    }

    /**
     * The grid indexes problems within the batch it received; the caller knows entries by their
     * index in the list it passed, so shift each index by the batch's first index.
     */
    static List<String> reindex(List<String> problems, int offset) {
        if (offset == 0) {
            return problems;
        }
        return problems.stream().map(p -> {
            Matcher m = PROBLEM_INDEX.matcher(p);
            if (!m.find()) {
                return p;
            }
            return m.group(1) + "[" + (Long.parseLong(m.group(2)) + offset) + "]" + p.substring(m.end());
        }).toList();
    }

    private static void checkEntries(List<?> entries, String name) {
        if (entries == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is required");
            }
        }
    }

    /** Builds the exception of a rejected batch. */
    @FunctionalInterface
    private interface Rejection {
        BatchRejectedException of(List<String> problems, int firstIndex, IngestResult applied);
    }

    /**
     * Settings for {@link RiskGridClient#connect(ClientSettings)}, with the defaults of
     * {@link ClientSettings}. {@link #settings()} checks them all at once. Not thread-safe.
     */
    public static final class Builder {

        private List<String> addresses = List.of();
        private Duration timeout = ClientSettings.DEFAULT_TIMEOUT;
        private int batchSize = ClientSettings.DEFAULT_BATCH_SIZE;

        private Builder() {
        }

        /** Thin-client addresses, e.g. {@code 127.0.0.1:10800}; at least one. */
        public Builder addresses(String... addresses) {
            this.addresses = addresses == null ? null : ClientSettings.nullSafeList(addresses);
            return this;
        }

        /** Longest wait for one request; default 30 seconds. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Most fills or prices in one batch; default 1000. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * The settings built so far.
         *
         * @throws IllegalArgumentException listing every problem with them
         */
        public ClientSettings settings() {
            return new ClientSettings(addresses, timeout, batchSize);
        }

        /** Connects with these settings. */
        public RiskGridClient connect() {
            return RiskGridClient.connect(settings());
        }
    }
}
