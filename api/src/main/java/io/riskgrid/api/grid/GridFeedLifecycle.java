package io.riskgrid.api.grid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A bean that listens to the grid through continuous queries for as long as the application runs:
 * it opens them when the application starts, before the demo simulator (phase 0) and the web server
 * start, so that no change they cause is missed, and closes them when it stops, after those and
 * before the grid node closes.
 * <p>
 * Subclasses say what to open and get back one handle that closes it all. This class is thread-safe.
 */
public abstract class GridFeedLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(GridFeedLifecycle.class);

    private AutoCloseable open;
    private volatile boolean running;

    /** Opens the continuous queries (and whatever else runs with them); the handle closes them all. */
    protected abstract AutoCloseable open();

    @Override
    public final synchronized void start() {
        open = open();
        running = true;
    }

    @Override
    public final synchronized void stop() {
        running = false;
        closeQuietly(open, getClass().getSimpleName());
        open = null;
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return -1;
    }

    /** Closes {@code c} if there is one; a node that is already stopping has closed its queries, so a failure is only logged. */
    protected static void closeQuietly(AutoCloseable c, String what) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("{} close failed", what, e);
        }
    }
}
