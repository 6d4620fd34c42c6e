package io.riskgrid.api.request;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids for things the API creates (overrides, jobs) that sort by creation time and are unique in
 * practice: {@code <prefix>-<epoch ms base 36>-<24 random bits hex>}.
 * <p>
 * Stateless and thread-safe.
 */
public final class TimeOrderedId {

    private TimeOrderedId() {
    }

    public static String next(String prefix, long now) {
        return prefix + "-" + Long.toString(now, 36).toUpperCase(Locale.ROOT) + "-"
                + String.format(Locale.ROOT, "%06X", ThreadLocalRandom.current().nextInt(1 << 24));
    }
}
