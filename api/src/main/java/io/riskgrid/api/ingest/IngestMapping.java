package io.riskgrid.api.ingest;

import io.riskgrid.api.error.InputProblem;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.request.Echo;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.IngestResult;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.price.Price;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one place where ingest REST records and domain records meet: requests become validated
 * {@link Fill}s and {@link Price}s, and grid results become answers. Every problem of a batch is
 * reported together, each prefixed with its position ({@code fills[2].quantity must be a positive
 * number, was -5.0}); a batch with any problem is rejected whole.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class IngestMapping {

    /** Most entries one request may carry; larger loads are sent in several batches. */
    public static final int MAX_BATCH = 50_000;

    private IngestMapping() {
    }

    /**
     * The fills of a request, or an {@link InvalidInputException} naming every bad field. A fill
     * without a timestamp is stamped {@code receivedAt}, the time the API took it.
     */
    public static List<Fill> toFills(List<FillRequest> requests, long receivedAt) {
        return convert(requests, "fills", "fill", (r, at, own) -> {
            Side side = side(r.side(), at, own);
            required(r.quantity(), at, "quantity", own);
            required(r.price(), at, "price", own);
            long timestamp = r.timestamp() == null ? receivedAt : r.timestamp();
            return own.isEmpty() ? new Fill(r.fillId(), r.accountId(), r.instrumentId(), side, r.quantity(), r.price(),
                    timestamp, r.strategy(), r.venue()) : null;
        });
    }

    /** The prices of a request, or an {@link InvalidInputException} naming every bad field. */
    public static List<Price> toPrices(List<PriceRequest> requests) {
        return convert(requests, "prices", "price", (r, at, own) -> {
            required(r.price(), at, "price", own);
            required(r.timestamp(), at, "timestamp", own);
            return own.isEmpty() ? new Price(r.instrumentId(), r.price(), r.timestamp()) : null;
        });
    }

    /** Turns one request entry into a domain record, or adds its problems to {@code own} and returns null. */
    @FunctionalInterface
    private interface EntryConversion<R, T> {
        T convert(R request, String at, List<InputProblem> own);
    }

    /**
     * Converts every entry of a request, collecting every problem of every entry (each prefixed with
     * its position, e.g. {@code fills[2]}); throws if there is any, so a batch is taken whole or not at all.
     * A domain record's own check (thrown as {@link IllegalArgumentException}) is one more problem.
     */
    private static <R, T> List<T> convert(List<R> requests, String root, String what, EntryConversion<R, T> conversion) {
        checkSize(requests, root, what);
        List<T> out = new ArrayList<>(requests.size());
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String at = root + "[" + i + "]";
            R r = requests.get(i);
            if (r == null) {
                problems.add(new InputProblem(at, at + " must be a " + what + " object, was null"));
                continue;
            }
            List<InputProblem> own = new ArrayList<>();
            try {
                T converted = conversion.convert(r, at, own);
                if (converted != null) {
                    out.add(converted);
                }
            } catch (IllegalArgumentException e) {
                own.add(InputProblem.fromMessage(at + "." + e.getMessage(), at));
            }
            problems.addAll(own);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }

    /** The answer to an applied batch of fills, or an {@link InvalidInputException} if the grid rejected it. */
    public static FillsAccepted toFillsAccepted(IngestResult result) {
        rejectIfRejected(result, "fills");
        return new FillsAccepted(result.accepted(), result.duplicates());
    }

    /** The answer to an applied batch of prices, or an {@link InvalidInputException} if the grid rejected it. */
    public static PricesAccepted toPricesAccepted(IngestResult result) {
        rejectIfRejected(result, "prices");
        return new PricesAccepted(result.accepted());
    }

    private static void rejectIfRejected(IngestResult result, String root) {
        if (result.isRejected()) {
            List<InputProblem> problems = new ArrayList<>();
            for (String p : result.problems()) {
                problems.add(InputProblem.fromMessage(p, root));
            }
            throw new InvalidInputException(problems);
        }
    }

    private static void checkSize(List<?> requests, String root, String what) {
        if (requests == null || requests.isEmpty()) {
            throw InvalidInputException.of(root, root + " must hold at least one " + what);
        }
        if (requests.size() > MAX_BATCH) {
            throw InvalidInputException.of(root, root + " must hold at most " + MAX_BATCH + " entries, was "
                    + requests.size() + "; send several batches");
        }
    }

    private static Side side(String side, String at, List<InputProblem> problems) {
        if (side == null || side.isBlank()) {
            problems.add(new InputProblem(at + ".side", at + ".side is required"));
            return null;
        }
        try {
            return Side.valueOf(side.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new InputProblem(at + ".side", at + ".side must be BUY or SELL, was '"
                    + Echo.clip(side) + "'"));
            return null;
        }
    }

    private static void required(Object value, String at, String field, List<InputProblem> problems) {
        if (value == null) {
            problems.add(new InputProblem(at + "." + field, at + "." + field + " is required"));
        }
    }
}
