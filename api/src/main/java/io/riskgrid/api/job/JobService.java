package io.riskgrid.api.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskgrid.api.error.NotFoundException;
import io.riskgrid.api.request.TimeOrderedId;
import io.riskgrid.compute.JobProgress;
import io.riskgrid.compute.stress.StressTask;
import io.riskgrid.compute.var.AccountVarTask;
import io.riskgrid.compute.var.FirmVarTask;
import io.riskgrid.core.stress.StressReport;
import io.riskgrid.core.stress.StressRequest;
import io.riskgrid.core.var.VarReport;
import io.riskgrid.core.var.VarRequest;
import io.riskgrid.core.var.VarScope;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.JobRow;
import io.riskgrid.ml.grid.BacktestRequest;
import io.riskgrid.ml.grid.BacktestTask;
import io.riskgrid.ml.grid.TrainRequest;
import io.riskgrid.ml.grid.TrainTask;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.ContinuousQuery;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.compute.ComputeTaskFuture;
import org.apache.ignite.lang.IgniteFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import javax.cache.event.CacheEntryEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs quants' jobs on the grid and keeps them in the JOBS table: a job is written QUEUED, then
 * RUNNING while its compute task runs (with progress as the nodes' jobs come back), then
 * SUCCEEDED with its result, FAILED with the reason, or CANCELLED. Any API instance can read a
 * job; the one that runs it (its owner) writes it. A cancel that reaches another instance marks
 * the row, and the owner, which watches JOBS, cancels the task.
 * <p>
 * Every change of a job is seen through one continuous query on JOBS and published to
 * {@link #changes()}, which feeds {@code /stream/jobs/{id}}; slow subscribers lose intermediate
 * progress, never the grid's time.
 * <p>
 * Thread-safe. Its methods block on the grid; call them off the event loop.
 */
@Service
public class JobService implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);
    /** Progress is written when it has moved by this much, so a job makes a handful of writes. */
    private static final double PROGRESS_STEP = 0.1;

    private final Ignite ignite;
    private final IgniteCache<String, JobRow> jobs;
    private final Clock clock;
    private final ObjectMapper json;
    private final String owner;
    private final Map<String, ComputeTaskFuture<?>> running = new ConcurrentHashMap<>();
    private final Map<String, Double> writtenProgress = new ConcurrentHashMap<>();
    private final ExecutorService writer;
    private final Sinks.Many<JobView> changes = Sinks.many().multicast().directBestEffort();
    private final QueryCursor<?> feed;

    public JobService(Ignite ignite, Clock clock, ObjectMapper json) {
        this.ignite = ignite;
        this.jobs = ignite.cache(GridTables.JOBS);
        this.clock = clock;
        this.json = json;
        this.owner = ignite.cluster().localNode().id().toString();
        this.writer = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "riskgrid-jobs");
            t.setDaemon(true);
            return t;
        });
        ContinuousQuery<String, JobRow> q = new ContinuousQuery<>();
        q.setLocalListener(events -> {
            for (CacheEntryEvent<? extends String, ? extends JobRow> e : events) {
                onChange(e.getKey(), e.getValue());
            }
        });
        this.feed = jobs.query(q);
    }

    /** Every change of every job, as it happens. */
    public Flux<JobView> changes() {
        return changes.asFlux();
    }

    /**
     * Writes the job QUEUED and starts it.
     *
     * @throws NotFoundException for a VaR of an account that does not exist
     */
    public JobView submit(JobSpec spec, String actor) {
        if (spec instanceof JobSpec.Var v && v.request().scope() == VarScope.ACCOUNT
                && !ignite.cache(GridTables.ACCOUNTS).containsKey(v.request().accountId())) {
            throw NotFoundException.account(v.request().accountId());
        }
        if (spec instanceof JobSpec.Backtest b && b.modelVersion() != null
                && !ignite.cache(GridTables.MODELS).containsKey(b.modelVersion())) {
            throw new NotFoundException("model version '" + b.modelVersion() + "' not found; GET /api/v1/models lists them");
        }
        long now = clock.millis();
        String id = TimeOrderedId.next("JOB", now);
        JobRow row = new JobRow();
        row.type = spec.type();
        row.status = JobStatus.QUEUED.name();
        row.submittedAt = now;
        row.submittedBy = actor;
        row.owner = owner;
        row.request = requestJson(spec);
        row.version = 1;
        jobs.put(id, row);
        start(id, spec);
        return view(id, row);
    }

    private void start(String id, JobSpec spec) {
        JobProgress progress = fraction -> writer.execute(() -> progress(id, fraction));
        ComputeTaskFuture<?> future;
        if (spec instanceof JobSpec.Var v) {
            VarRequest r = v.request();
            future = r.scope() == VarScope.FIRM
                    ? ignite.compute().executeAsync(new FirmVarTask(progress), r)
                    : ignite.compute().executeAsync(new AccountVarTask(), r);
        } else if (spec instanceof JobSpec.Train t) {
            future = ignite.compute().executeAsync(new TrainTask(progress), new TrainRequest(t.kind(), t.seed(), id));
        } else if (spec instanceof JobSpec.Backtest b) {
            future = ignite.compute().executeAsync(new BacktestTask(progress), new BacktestRequest(b.modelVersion(), b.seed()));
        } else {
            StressRequest r = ((JobSpec.Stress) spec).request();
            future = ignite.compute().executeAsync(new StressTask(progress), r);
        }
        running.put(id, future);
        update(id, row -> {
            if (JobStatus.QUEUED.name().equals(row.status)) {
                row.status = JobStatus.RUNNING.name();
                row.startedAt = clock.millis();
            }
        });
        future.listenAsync(f -> finish(id, f), writer);
    }

    private void progress(String id, double fraction) {
        Double last = writtenProgress.getOrDefault(id, 0.0);
        if (fraction < 1 && fraction - last < PROGRESS_STEP) {
            return;
        }
        writtenProgress.put(id, fraction);
        update(id, row -> {
            if (JobStatus.RUNNING.name().equals(row.status) && fraction > row.progress) {
                row.progress = Math.min(fraction, 0.99);
            }
        });
    }

    private void finish(String id, IgniteFuture<?> f) {
        running.remove(id);
        writtenProgress.remove(id);
        update(id, row -> {
            if (JobStatus.valueOf(row.status).finished()) {
                return;
            }
            row.finishedAt = clock.millis();
            if (f.isCancelled()) {
                row.status = JobStatus.CANCELLED.name();
                if (row.message == null) {
                    row.message = "cancelled";
                }
                return;
            }
            try {
                Object result = f.get();
                Object view = result instanceof VarReport v ? JobResults.of(v)
                        : result instanceof StressReport s ? JobResults.of(s) : result;
                row.result = json.writeValueAsString(view);
                row.status = JobStatus.SUCCEEDED.name();
                row.progress = 1;
            } catch (RuntimeException | JsonProcessingException e) {
                row.status = JobStatus.FAILED.name();
                row.message = reason(e);
                LOG.info("job {} failed: {}", id, row.message, e);
            }
        });
    }

    /**
     * Cancels a job that has not finished.
     *
     * @throws NotFoundException       for an unknown job
     * @throws ResponseStatusException 409 for a job that has already finished
     */
    public JobView cancel(String id, String actor) {
        JobRow row = read(id);
        if (JobStatus.valueOf(row.status).finished()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "job " + id + " has already finished: "
                    + row.status);
        }
        String message = "cancelled by " + actor;
        ComputeTaskFuture<?> f = running.get(id);
        if (f != null) {
            update(id, r -> r.message = message);
            f.cancel();
            finish(id, f);
        } else {
            update(id, r -> {
                r.cancelRequested = true;
                r.message = message;
            });
        }
        return view(id, jobs.get(id));
    }

    /**
     * The job as it is now. A job whose owner left the cluster before it finished is marked
     * FAILED here: nobody will finish it.
     *
     * @throws NotFoundException for an unknown job
     */
    public JobView get(String id) {
        return view(id, read(id));
    }

    /** Jobs newest first, optionally of one status. */
    public List<JobView> list(String status, int limit, int offset) {
        String sql = "SELECT JOB_ID FROM JOBS" + (status == null ? "" : " WHERE STATUS = ?")
                + " ORDER BY SUBMITTED_AT DESC, JOB_ID DESC LIMIT ? OFFSET ?";
        SqlFieldsQuery q = new SqlFieldsQuery(sql).setSchema(GridTables.SCHEMA)
                .setArgs(status == null ? new Object[] {limit, offset} : new Object[] {status, limit, offset});
        List<String> ids = new ArrayList<>();
        for (List<?> r : jobs.query(q).getAll()) {
            ids.add((String) r.get(0));
        }
        List<JobView> out = new ArrayList<>();
        Map<String, JobRow> rows = jobs.getAll(new java.util.TreeSet<>(ids));
        for (String id : ids) {
            JobRow row = rows.get(id);
            if (row != null) {
                out.add(view(id, orphaned(id, row)));
            }
        }
        return out;
    }

    private JobRow read(String id) {
        JobRow row = jobs.get(id);
        if (row == null) {
            throw new NotFoundException("job '" + id + "' not found");
        }
        return orphaned(id, row);
    }

    private JobRow orphaned(String id, JobRow row) {
        if (!JobStatus.valueOf(row.status).finished() && !owner.equals(row.owner)
                && ignite.cluster().node(UUID.fromString(row.owner)) == null) {
            update(id, r -> {
                if (!JobStatus.valueOf(r.status).finished()) {
                    r.status = JobStatus.FAILED.name();
                    r.finishedAt = clock.millis();
                    r.message = "the API instance that ran the job left the cluster before it finished; submit it again";
                }
            });
            return jobs.get(id);
        }
        return row;
    }

    private void onChange(String id, JobRow row) {
        if (row == null) {
            return;
        }
        if (row.cancelRequested && owner.equals(row.owner)) {
            ComputeTaskFuture<?> f = running.get(id);
            if (f != null) {
                writer.execute(() -> {
                    f.cancel();
                    finish(id, f);
                });
            }
        }
        try {
            changes.tryEmitNext(view(id, row));
        } catch (RuntimeException e) {
            LOG.debug("job change of {} not published", id, e);
        }
    }

    /** Changes the row: only the owner writes a job, one change at a time per job. */
    private synchronized void update(String id, java.util.function.Consumer<JobRow> change) {
        JobRow row = jobs.get(id);
        if (row == null) {
            return;
        }
        JobRow next = row.copy();
        change.accept(next);
        next.version = row.version + 1;
        jobs.put(id, next);
    }

    JobView view(String id, JobRow row) {
        return new JobView(id, row.type, row.status, row.progress, row.submittedAt, row.startedAt, row.finishedAt,
                row.submittedBy, row.message, parse(row.request), parse(row.result), row.version);
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JOBS holds a row that is not JSON", e);
        }
    }

    private String requestJson(JobSpec spec) {
        ObjectNode n = json.createObjectNode();
        n.put("type", spec.type());
        if (spec instanceof JobSpec.Var v) {
            VarRequest r = v.request();
            n.put("scope", r.scope().name());
            if (r.accountId() != null) {
                n.put("accountId", r.accountId());
            }
            n.put("method", r.method().name());
            n.put("confidence", r.confidence());
            n.put("horizonDays", r.horizonDays());
            if (r.method().name().equals("MONTE_CARLO")) {
                n.put("paths", r.paths());
                n.put("seed", r.seed());
            }
        } else if (spec instanceof JobSpec.Train t) {
            n.put("model", t.kind());
            n.put("seed", t.seed());
        } else if (spec instanceof JobSpec.Backtest b) {
            n.put("modelVersion", b.modelVersion());
            n.put("seed", b.seed());
        } else {
            StressRequest r = ((JobSpec.Stress) spec).request();
            n.put("name", r.name());
            if (r.isReplay()) {
                n.putObject("replay").put("fromDay", r.replayFromDay()).put("toDay", r.replayToDay());
            } else {
                var shocks = n.putArray("shocks");
                r.scenario().shocks().forEach(s -> shocks.addObject().put("target", s.target().name())
                        .put("key", s.key()).put("change", s.change()));
            }
            n.put("worst", r.worst());
        }
        return n.toString();
    }

    /** Why a job failed, in words for its submitter; a grid's internal message stays in the log. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
                return t.getMessage();
            }
        }
        return "the job failed in the grid (" + e.getClass().getSimpleName() + "); see the API log";
    }

    @Override
    public void destroy() {
        try {
            feed.close();
        } catch (RuntimeException e) {
            LOG.debug("closing the job feed", e);
        }
        running.values().forEach(f -> {
            try {
                f.cancel();
            } catch (RuntimeException e) {
                LOG.debug("cancelling a job at shutdown", e);
            }
        });
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        changes.tryEmitComplete();
    }
}
