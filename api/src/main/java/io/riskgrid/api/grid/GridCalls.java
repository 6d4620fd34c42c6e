package io.riskgrid.api.grid;

import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.error.NotFoundException;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.util.concurrent.Callable;

/**
 * Runs blocking grid calls (cache reads, SQL, compute tasks) on the grid scheduler and hands their
 * results back as a {@link Mono}, so that request handlers never block an event-loop thread.
 * <p>
 * A failure of the grid itself becomes a {@link GridCallException}, which the API reports without
 * the grid's own message; the API's own input, lookup and status failures (a 409 for a job that has
 * already finished, say) pass through unchanged.
 * <p>
 * This class is thread-safe.
 */
public final class GridCalls {

    private final Scheduler scheduler;

    public GridCalls(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The result of {@code call}, run on the grid scheduler when the returned Mono is subscribed. */
    public <T> Mono<T> call(Callable<T> call) {
        return Mono.fromCallable(call)
                .subscribeOn(scheduler)
                .onErrorMap(e -> !(e instanceof InvalidInputException || e instanceof NotFoundException
                        || e instanceof ResponseStatusException || e instanceof GridCallException), GridCallException::new);
    }
}
