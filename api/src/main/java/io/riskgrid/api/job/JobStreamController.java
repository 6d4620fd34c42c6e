package io.riskgrid.api.job;

import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.api.stream.Heartbeat;
import io.riskgrid.api.stream.StreamProperties;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/v1/stream/jobs/{id}}: server-sent events of one job, fed by the continuous
 * query on JOBS: an event {@code progress} for the job as it is and for each change while it
 * runs, then one event {@code result} with the finished job (its result, or why it failed) and
 * the end of the stream. Event ids are the job's version. A comment every
 * {@code riskgrid.stream.heartbeat} (15 s) keeps proxies from closing a quiet connection. 404 (as JSON,
 * before the stream starts) for an unknown job.
 */
@RestController
public class JobStreamController {

    private final JobService jobs;
    private final GridCalls grid;
    private final Duration heartbeat;

    public JobStreamController(JobService jobs, GridCalls grid, StreamProperties streams) {
        this.jobs = jobs;
        this.grid = grid;
        this.heartbeat = streams.heartbeat();
    }

    @GetMapping(path = "/api/v1/stream/jobs/{id}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<JobView>> stream(@PathVariable String id) {
        // Subscribe to changes before reading the job, so no change falls between the two; the
        // version filter drops whatever arrives twice or out of order.
        return grid.call(() -> jobs.get(id)).flatMapMany(first -> {
            if (first.finished()) {
                return Flux.just(event(first));
            }
            AtomicLong seen = new AtomicLong();
            Flux<JobView> live = jobs.changes().filter(v -> v.jobId().equals(id));
            Flux<JobView> views = Flux.merge(live, grid.call(() -> jobs.get(id)).flux().startWith(first))
                    .filter(v -> {
                        long prev = seen.get();
                        return v.version() > prev && seen.compareAndSet(prev, v.version());
                    })
                    .takeUntil(JobView::finished);
            return Heartbeat.with(views.map(JobStreamController::event), heartbeat);
        });
    }

    private static ServerSentEvent<JobView> event(JobView v) {
        return ServerSentEvent.builder(v).id(Long.toString(v.version())).event(v.finished() ? "result" : "progress")
                .build();
    }
}
