package io.riskgrid.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a {@link RiskGridClient} connects and sends: the thin-client addresses of the grid, the
 * timeout of each request, and how many fills or prices go to the grid in one batch.
 * <p>
 * Every problem with the settings is reported together, in one {@link IllegalArgumentException},
 * when the settings are built. This record is immutable and thread-safe.
 *
 * @param addresses thin-client addresses, {@code host}, {@code host:port} or {@code host:port..port}
 *                  (e.g. {@code 127.0.0.1:10800}); at least one
 * @param timeout   longest wait for one request (a socket operation, one batch's ingest task or a
 *                  query) before it fails; strictly positive. Default {@link #DEFAULT_TIMEOUT}.
 * @param batchSize most fills or prices sent to the grid in one ingest task, each batch applied
 *                  all-or-nothing; in 1..{@value #MAX_BATCH_SIZE}. Default {@value #DEFAULT_BATCH_SIZE}.
 */
public record ClientSettings(List<String> addresses, Duration timeout, int batchSize) {

    /** Default request timeout: 30 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Default number of fills or prices per ingest task. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    /**
     * Largest batch accepted. One batch is applied in one transaction per account on the grid, so
     * a much larger batch holds account locks for long and risks the grid's transaction timeout.
     */
    public static final int MAX_BATCH_SIZE = 100_000;

    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^\\s:\\[\\]]+)(?::(\\d{1,5})(?:\\.\\.(\\d{1,5}))?)?");

    public ClientSettings {
        List<String> problems = new ArrayList<>();
        if (addresses == null || addresses.isEmpty()) {
            problems.add("addresses must name at least one thin-client address, e.g. 127.0.0.1:10800");
        } else {
            for (int i = 0; i < addresses.size(); i++) {
                String problem = addressProblem(addresses.get(i));
                if (problem != null) {
                    problems.add("addresses[" + i + "] " + problem);
                }
            }
        }
        if (timeout == null) {
            problems.add("timeout is required");
        } else if (timeout.isNegative() || timeout.isZero()) {
            problems.add("timeout must be positive, was " + timeout);
        } else if (timeout.toMillis() > Integer.MAX_VALUE) {
            problems.add("timeout must be at most " + Integer.MAX_VALUE + " ms, was " + timeout);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            problems.add("batchSize must be between 1 and " + MAX_BATCH_SIZE + ", was " + batchSize);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid client settings: " + String.join("; ", problems));
        }
        addresses = List.copyOf(addresses);
    }

    /** Settings with the default timeout and batch size. */
    public static ClientSettings of(String... addresses) {
        return new ClientSettings(addresses == null ? null : nullSafeList(addresses), DEFAULT_TIMEOUT, DEFAULT_BATCH_SIZE);
    }

    static List<String> nullSafeList(String[] values) {
        // List.of rejects null elements with a bare NullPointerException; keep them so that the
        // check above can name the offending index.
        return java.util.Arrays.asList(values.clone());
    }

    private static String addressProblem(String address) {
        if (address == null || address.isBlank()) {
            return "is required";
        }
        Matcher m = ADDRESS.matcher(address);
        if (!m.matches()) {
            return "must be host, host:port or host:port..port, was '" + address + "'";
        }
        for (int g = 2; g <= 3; g++) {
            if (m.group(g) != null) {
                int port = Integer.parseInt(m.group(g));
                if (port < 1 || port > 65535) {
                    return "port must be in 1..65535, was '" + address + "'";
                }
            }
        }
        if (m.group(3) != null && Integer.parseInt(m.group(3)) < Integer.parseInt(m.group(2))) {
            return "port range must not end before it starts, was '" + address + "'";
        }
        return null;
    }
}
