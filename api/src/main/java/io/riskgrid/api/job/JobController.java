package io.riskgrid.api.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Tag(name = "Jobs", description = "VaR, stress and scenario jobs run next to the data")
@RestController
@RequestMapping(path = "/api/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
public class JobController {

    private final JobService jobs;
    private final GridCalls grid;

    public JobController(JobService jobs, GridCalls grid) {
        this.jobs = jobs;
        this.grid = grid;
    }

    @Operation(operationId = "submitJob", summary = "Submit a VaR, stress or scenario job",
            description = "`type` says which other fields apply (see the JobRequest schema); fields of another type "
                    + "are refused. The job runs on the grid next to the data; poll it at `location` or follow it at "
                    + "`stream`. Results are kept for 7 days.")
    @ApiResponse(responseCode = "202", description = "Queued; the Location header is the job's URL")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, a missing or wrongly typed field, an unknown type, "
            + "method, scope or scenario, a value out of range, or a field that does not apply to the type")
    @ApiResponse(responseCode = "404", description = "A VaR job of an unknown account")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<JobSubmitted>> submit(@RequestBody JobRequest body,
                                                     @Parameter(description = "Who submits the job")
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

    @Operation(operationId = "getJob", summary = "A job: status, progress and, once done, its result",
            description = "The job with its request as it runs (defaults filled in) and, once SUCCEEDED, its result; "
                    + "poll it, or follow it at `/api/v1/stream/jobs/{id}`.")
    @ApiResponse(responseCode = "200", description = "The job")
    @ApiResponse(responseCode = "404", description = "No job has this id (or it is older than 7 days)")
    @GetMapping("/{id}")
    public Mono<JobView> get(@Parameter(description = "The job id, `JOB-...`") @PathVariable String id) {
        return grid.call(() -> jobs.get(id));
    }

    @Operation(operationId = "listJobs", summary = "Jobs, newest first",
            description = "At most `limit` (default 100) from `offset`.")
    @ApiResponse(responseCode = "200", description = "One page of jobs")
    @ApiResponse(responseCode = "400", description = "Unknown `status`, or `limit` or `offset` not a whole number or "
            + "out of range")
    @GetMapping
    public Mono<List<JobView>> list(
            @Parameter(description = "Only jobs in this status", schema = @Schema(allowableValues = {"QUEUED", "RUNNING",
                    "SUCCEEDED", "FAILED", "CANCELLED"})) @RequestParam(required = false) String status,
            @Parameter(description = "Most jobs to return, 1 to 10,000") @RequestParam(defaultValue = "100") int limit,
            @Parameter(description = "Jobs to skip, 0 or more") @RequestParam(defaultValue = "0") int offset) {
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

    @Operation(operationId = "cancelJob", summary = "Cancel a job that has not finished",
            description = "The job becomes CANCELLED with the message `cancelled by <actor>` and keeps no result.")
    @ApiResponse(responseCode = "200", description = "The job afterwards, CANCELLED")
    @ApiResponse(responseCode = "404", description = "No job has this id")
    @ApiResponse(responseCode = "409", description = "The job has already finished (SUCCEEDED, FAILED or CANCELLED)")
    @DeleteMapping("/{id}")
    public Mono<JobView> cancel(@Parameter(description = "The job id") @PathVariable String id,
                                @Parameter(description = "Who cancels the job")
                                @RequestHeader(name = Actor.HEADER, required = false) String actorHeader) {
        return Mono.defer(() -> {
            String actor = Actor.of(null, actorHeader);
            return grid.call(() -> jobs.cancel(id, actor));
        });
    }
}
