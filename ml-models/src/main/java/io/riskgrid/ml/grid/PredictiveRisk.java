package io.riskgrid.ml.grid;

import io.riskgrid.compute.var.MarketModels;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.GridTables;
import io.riskgrid.grid.schema.LimitKey;
import io.riskgrid.grid.schema.LimitRow;
import io.riskgrid.grid.schema.ReturnHistoryRow;
import io.riskgrid.ml.feature.AccountState;
import io.riskgrid.ml.feature.PositionState;
import io.riskgrid.ml.forecast.AdaptiveLimitPolicy;
import io.riskgrid.ml.forecast.AdaptiveLimits;
import io.riskgrid.ml.forecast.BookVolatility;
import io.riskgrid.ml.forecast.EwmaForecaster;
import io.riskgrid.ml.forecast.HarForecaster;
import io.riskgrid.ml.forecast.VolatilityForecaster;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CachePeekMode;
import org.apache.ignite.cache.query.ScanQuery;

import javax.cache.Cache;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Predictive risk on a node: the next-day volatility of each account's book forecast by the learned
 * model (HAR, fitted on the grid's whole return history, pooled over instruments) against its
 * long-run volatility, and the adaptive limits that follow: when the forecast is above
 * {@code triggerRatio} times the long-run figure, the account's adaptive limits are tightened by
 * {@link AdaptiveLimits#factor}; when it falls back, they are restored ({@link AdaptLimitsJob},
 * audited as LIMIT_ADAPTED). With too little history for HAR (fewer than
 * {@value HarForecaster#MIN_OBSERVATIONS} pooled observations) the EWMA baseline forecasts instead.
 * <p>
 * The fitted model is kept per node and refitted when the grid's market data changes, as told by
 * the fingerprint of {@link MarketModels} (a pass over the history's row headers, the same check
 * the VaR model uses). Thread-safe.
 */
public final class PredictiveRisk {

    private static final Map<String, Fitted> FITTED = new HashMap<>();

    private PredictiveRisk() {
    }

    private record Fitted(long fingerprint, BookVolatility book, String model) {
    }

    /** One account's volatility forecast and the adaptive factor it implies. */
    public static final class Forecast {
        public String accountId;
        /** Forecast daily volatility of the book, in the account's currency. */
        public double forecastVolatility;
        /** Long-run (root mean square) daily volatility of the same book, in currency. */
        public double longRunVolatility;
        /** forecast / long run. */
        public double ratio;
        /** The factor adaptive limits apply now, in [floor, 1]. */
        public double adaptiveFactor;
        public double triggerRatio;
        public String model;
    }

    /** The forecast of one account's current book; call on its primary node. Null for an unknown account. */
    public static Forecast forecast(Ignite ignite, String accountId, AdaptiveLimitPolicy policy) {
        return forecast(ignite, fitted(ignite), accountId, policy);
    }

    private static Forecast forecast(Ignite ignite, Fitted f, String accountId, AdaptiveLimitPolicy policy) {
        AccountState state = AccountData.state(ignite, accountId);
        if (state == null) {
            return null;
        }
        Map<String, Double> values = new TreeMap<>();
        for (PositionState p : state.positions()) {
            values.merge(p.instrumentId(), p.marketValue(), Double::sum);
        }
        Forecast out = new Forecast();
        out.accountId = accountId;
        out.forecastVolatility = f.book().forecastVolatility(values);
        out.longRunVolatility = f.book().longRunVolatility(values);
        out.ratio = out.longRunVolatility > 0 ? out.forecastVolatility / out.longRunVolatility : 1;
        out.adaptiveFactor = AdaptiveLimits.factor(out.forecastVolatility, out.longRunVolatility, policy);
        out.triggerRatio = policy.triggerRatio();
        out.model = f.model();
        return out;
    }

    /**
     * Brings the adaptive limits of every account this node is primary for in line with its
     * forecast.
     *
     * @return the number of accounts whose limits changed
     */
    public static int adaptLocal(Ignite ignite, long now, AdaptiveLimitPolicy policy) {
        IgniteCache<String, AccountRiskRow> risk = ignite.cache(GridTables.ACCOUNT_RISK);
        IgniteCache<LimitKey, LimitRow> limits = ignite.cache(GridTables.LIMITS);
        String[] metrics = policy.enabledMetrics().toArray(new String[0]);
        Fitted fitted = null;
        int changed = 0;
        for (Cache.Entry<String, AccountRiskRow> e : risk.localEntries(CachePeekMode.PRIMARY)) {
            AccountRiskRow row = e.getValue();
            if (row.limitIds == null || row.limitIds.length == 0) {
                continue;
            }
            String accountId = e.getKey();
            TreeSet<LimitKey> keys = new TreeSet<>();
            for (String id : row.limitIds) {
                keys.add(new LimitKey(accountId, id));
            }
            Map<LimitKey, LimitRow> rows = limits.getAll(keys);
            boolean adaptive = rows.values().stream().anyMatch(l -> "ACCOUNT".equals(l.scope) && policy.appliesTo(l.metric));
            if (!adaptive) {
                continue;
            }
            if (fitted == null) {
                fitted = fitted(ignite);
            }
            Forecast f = forecast(ignite, fitted, accountId, policy);
            if (f == null) {
                continue;
            }
            boolean needed = rows.values().stream().anyMatch(l -> AdaptLimitsJob.adapted(l, f.adaptiveFactor, metrics) != null);
            if (needed) {
                String text = String.format(java.util.Locale.ROOT, "%.0f vs long-run %.0f (x%.2f, trigger x%.2f, %s)",
                        f.forecastVolatility, f.longRunVolatility, f.ratio, f.triggerRatio, f.model);
                AdaptLimitsJob.run(ignite, new AdaptLimitsJob(accountId, f.adaptiveFactor, policy.enabledMetrics(), text, now));
                changed++;
            }
        }
        return changed;
    }

    private static synchronized Fitted fitted(Ignite ignite) {
        long fingerprint = MarketModels.current(ignite).fingerprint();
        Fitted f = FITTED.get(ignite.name());
        if (f != null && f.fingerprint() == fingerprint) {
            return f;
        }
        Map<String, double[]> returns = returnHistory(ignite);
        VolatilityForecaster forecaster = EwmaForecaster.DEFAULT;
        int shortest = returns.values().stream().mapToInt(a -> a.length).min().orElse(0);
        try {
            if (shortest > HarForecaster.MONTH + 1) {
                forecaster = HarForecaster.fit(returns.values().toArray(new double[0][]), shortest);
            }
        } catch (IllegalArgumentException tooLittle) {
            forecaster = EwmaForecaster.DEFAULT;
        }
        f = new Fitted(fingerprint, BookVolatility.estimate(returns, forecaster), forecaster.name());
        FITTED.put(ignite.name(), f);
        return f;
    }

    /** The grid's daily return history by instrument id, oldest day first. */
    static Map<String, double[]> returnHistory(Ignite ignite) {
        IgniteCache<String, ReturnHistoryRow> history = ignite.cache(GridTables.RETURN_HISTORY);
        Map<String, double[]> out = new TreeMap<>();
        try (var cursor = history.query(new ScanQuery<String, ReturnHistoryRow>())) {
            for (Cache.Entry<String, ReturnHistoryRow> e : cursor) {
                if (e.getValue().returns != null) {
                    out.put(e.getKey(), e.getValue().returns);
                }
            }
        }
        return out;
    }
}
