package io.riskgrid.api.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * before the stream starts) for an unknown job. The OpenAPI description of {@link #stream} is the
 * pattern for every stream: event names, what the data is, ids, heartbeat, the end, and errors.
 */
@Tag(name = "Streams", description = "Server-sent events (text/event-stream)")
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

    @Operation(operationId = "streamJob", summary = "Follow a job: progress events, then its result",
            description = """
                    Server-sent events of one job:

                    - `event: progress`, `data:` the job (JobView) as it is now, then one for each change while it \
                    is QUEUED or RUNNING (`progress` goes from 0 to 1);
                    - `event: result`, `data:` the finished job (SUCCEEDED with its `result`, FAILED with its \
                    `message`, or CANCELLED), after which the server ends the stream. A job that has already \
                    finished gets this one event only.

                    Every event's `id:` is the job's `version`, which grows with every change; a client can drop \
                    an event whose id is not above the last it saw. While the job runs, a comment line \
                    `:keep-alive` every 15 s keeps proxies from closing a quiet connection. An unknown job is a \
                    404 before any event, with the error body (ApiError) as JSON.

                    ```
                    id:3
                    event:progress
                    data:{"jobId":"JOB-...","status":"RUNNING","progress":0.5,...,"version":3}

                    id:4
                    event:result
                    data:{"jobId":"JOB-...","status":"SUCCEEDED","progress":1.0,"result":{...},"version":4}
                    ```
                    """)
    @ApiResponse(responseCode = "200", description = "The event stream; each event's data is a JobView",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(implementation = JobView.class)))
    @ApiResponse(responseCode = "404", description = "No job has this id")
    @GetMapping(path = "/api/v1/stream/jobs/{id}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<JobView>> stream(@Parameter(description = "The job id, `JOB-...`") @PathVariable String id) {
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
