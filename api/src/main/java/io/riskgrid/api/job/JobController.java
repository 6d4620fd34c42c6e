package io.riskgrid.api.job;

import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.grid.GridCalls;
import io.riskgrid.api.request.Actor;
import io.riskgrid.api.request.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Quants' jobs over REST:
 * <ul>
 *   <li>{@code POST /api/v1/jobs} {@link JobRequest}: 202 with the job id, where to poll it and
 *       where to stream it; 400 naming the field for bad input; 404 for a VaR of an unknown account.</li>
 *   <li>{@code GET /api/v1/jobs/{id}}: status, progress 0..1 and, once done, the result; 404 if unknown.</li>
 *   <li>{@code GET /api/v1/jobs?status=&limit=&offset=}: jobs newest first.</li>
 *   <li>{@code DELETE /api/v1/jobs/{id}}: cancels a job that has not finished; 409 if it has.</li>
 * </ul>
 * Results are kept in the JOBS table for seven days.
 */
@RestController
@RequestMapping(path = "/api/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
public class JobController {

    private final JobService jobs;
    private final GridCalls grid;

    public JobController(JobService jobs, GridCalls grid) {
        this.jobs = jobs;
        this.grid = grid;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<JobSubmitted>> submit(@RequestBody JobRequest body,
                                                     @RequestHeader(name = Actor.HEADER, required = false) String actorHeader) {
        return Mono.defer(() -> {
            JobSpec spec = JobRequests.check(body);
            String actor = Actor.of(null, actorHeader);
            return grid.call(() -> jobs.submit(spec, actor));
        }).map(v -> {
            String location = "/api/v1/jobs/" + v.jobId();
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(location))
                    .body(new JobSubmitted(v.jobId(), v.status(), location, "/api/v1/stream/jobs/" + v.jobId()));
        });
    }

    @GetMapping("/{id}")
    public Mono<JobView> get(@PathVariable String id) {
        return grid.call(() -> jobs.get(id));
    }

    @GetMapping
    public Mono<List<JobView>> list(@RequestParam(required = false) String status,
                                    @RequestParam(defaultValue = "100") int limit,
                                    @RequestParam(defaultValue = "0") int offset) {
        return Mono.defer(() -> {
            Page page = Page.of(limit, offset);
            String s = null;
            if (status != null && !status.isBlank()) {
                s = status.trim().toUpperCase(Locale.ROOT);
                try {
                    JobStatus.valueOf(s);
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.of("status", "status must be one of QUEUED, RUNNING, SUCCEEDED, FAILED, "
                            + "CANCELLED, was '" + status + "'");
                }
            }
            String filter = s;
            return grid.call(() -> jobs.list(filter, page.limit(), page.offset()));
        });
    }

    @DeleteMapping("/{id}")
    public Mono<JobView> cancel(@PathVariable String id,
                                @RequestHeader(name = Actor.HEADER, required = false) String actorHeader) {
        return Mono.defer(() -> {
            String actor = Actor.of(null, actorHeader);
            return grid.call(() -> jobs.cancel(id, actor));
        });
    }
}
