package io.riskgrid.bench.load;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of JSON figures, as a load driver prints its result: fields in the order they were put,
 * decimals rounded to {@value #DECIMALS} places (a microsecond, for figures in milliseconds) and
 * written without an exponent, NaN and infinities written as {@code null} (JSON has no such numbers).
 * <p>
 * Not thread-safe: one thread builds a line and prints it.
 */
public final class JsonLine {

    /** Decimal places kept. */
    public static final int DECIMALS = 3;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** A line whose first field is {@code "bench": name}. */
    public static JsonLine of(String bench) {
        return new JsonLine().put("bench", bench);
    }

    public JsonLine put(String name, String value) {
        return field(name, value);
    }

    public JsonLine put(String name, long value) {
        return field(name, value);
    }

    public JsonLine put(String name, boolean value) {
        return field(name, value);
    }

    public JsonLine put(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return field(name, null);
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return field(name, d.signum() == 0 ? BigDecimal.ZERO : d);
    }

    /** The figures of a latency distribution, as {@code <prefix>P50Ms} and so on (no prefix: {@code p50Ms}). */
    public JsonLine put(String prefix, LatencySummary s) {
        put(key(prefix, "p50Ms"), s.p50Ms());
        put(key(prefix, "p99Ms"), s.p99Ms());
        put(key(prefix, "p999Ms"), s.p999Ms());
        return put(key(prefix, "maxMs"), s.maxMs());
    }

    @Override
    public String toString() {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write figures as JSON", e);
        }
    }

    private JsonLine field(String name, Object value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (fields.containsKey(name)) {
            throw new IllegalArgumentException("field '" + name + "' is already in the line");
        }
        fields.put(name, value);
        return this;
    }

    private static String key(String prefix, String name) {
        if (prefix == null || prefix.isEmpty()) {
            return name;
        }
        return prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
