package io.riskgrid.api.pretrade;

import io.riskgrid.api.error.InputProblem;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.error.NotFoundException;
import io.riskgrid.core.Guard;
import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.control.TradingControls;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.position.Side;
import io.riskgrid.core.pretrade.PreTradeDecision;
import io.riskgrid.core.pretrade.PreTradeOrder;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one place where pre-trade REST records meet the domain: a request becomes a validated
 * {@link PreTradeOrder} (every bad field reported together, by name), and the grid's
 * {@link PreTradeDecision} becomes the answer, with figures that are not known as null.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class PreTradeMapping {

    private PreTradeMapping() {
    }

    /** The order of a request, or an {@link InvalidInputException} naming every bad field. */
    public static PreTradeOrder toOrder(PreTradeRequest r) {
        List<InputProblem> problems = new ArrayList<>();
        String accountId = check(problems, "accountId", () -> Guard.notBlank(r.accountId(), "accountId"));
        String instrumentId = check(problems, "instrumentId", () -> Guard.notBlank(r.instrumentId(), "instrumentId"));
        Side side = side(r.side(), problems);
        Double quantity = check(problems, "quantity", () -> Guard.positive(Guard.notNull(r.quantity(), "quantity"), "quantity"));
        Double price = check(problems, "price", () -> Guard.positive(Guard.notNull(r.price(), "price"), "price"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PreTradeOrder(accountId.trim(), instrumentId.trim(), side, quantity, price);
    }

    /**
     * The answer to a checked order.
     *
     * @throws NotFoundException     if the account or the instrument does not exist
     * @throws InvalidInputException if the grid could not check the order for another reason
     */
    public static PreTradeAnswer toAnswer(PreTradeOrder order, PreTradeDecision d) {
        if (d.problem() != null) {
            if (d.notFound()) {
                throw new NotFoundException(d.problem().startsWith("unknown instrument")
                        ? "instrument '" + order.instrumentId() + "' not found"
                        : d.problem().startsWith("unknown account") ? "account '" + order.accountId() + "' not found"
                        : d.problem());
            }
            throw InvalidInputException.of(null, d.problem());
        }
        List<String> ids = d.limitIds();
        List<String> metrics = d.metrics();
        List<PreTradeAnswer.LimitCheck> limits = new ArrayList<>(ids.size());
        Map<LimitMetric, Double> highest = new EnumMap<>(LimitMetric.class);
        for (int i = 0; i < ids.size(); i++) {
            Double before = known(d.utilizationBefore(i));
            Double after = known(d.utilizationAfter(i));
            limits.add(new PreTradeAnswer.LimitCheck(ids.get(i), metrics.get(i), before, after));
            LimitMetric metric = LimitMetric.valueOf(metrics.get(i));
            Double top = highest.get(metric);
            if (after != null && (top == null || after > top)) {
                highest.put(metric, after);
            } else if (!highest.containsKey(metric)) {
                highest.put(metric, null);
            }
        }
        Map<String, Double> utilizationAfter = new LinkedHashMap<>();
        highest.forEach((metric, value) -> utilizationAfter.put(metric.name(), value));
        TradingState account = state(d.accountState());
        TradingState firm = state(d.firmState());
        return new PreTradeAnswer(d.approved(), d.reasons(), d.reasonCodes(),
                TradingControls.DEFAULT.mostRestrictive(account, firm).name(), account.name(), firm.name(),
                d.drawdownTier(), d.riskIncreasing(), utilizationAfter, limits);
    }

    private static TradingState state(String state) {
        return state == null ? TradingState.ACTIVE : TradingState.valueOf(state);
    }

    private static Double known(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The value a domain check returns, or null with its complaint (which names the field) added to {@code problems}. */
    private static <T> T check(List<InputProblem> problems, String field, Supplier<T> guard) {
        try {
            return guard.get();
        } catch (IllegalArgumentException e) {
            problems.add(new InputProblem(field, e.getMessage()));
            return null;
        }
    }

    private static Side side(String side, List<InputProblem> problems) {
        if (side == null || side.isBlank()) {
            problems.add(new InputProblem("side", "side is required"));
            return null;
        }
        try {
            return Side.valueOf(side.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new InputProblem("side", "side must be BUY or SELL, was '"
                    + (side.length() <= 40 ? side : side.substring(0, 40) + "...") + "'"));
            return null;
        }
    }
}
