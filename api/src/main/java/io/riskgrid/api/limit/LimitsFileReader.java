package io.riskgrid.api.limit;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgrid.api.error.InputProblem;
import io.riskgrid.core.alert.AlertPolicy;
import io.riskgrid.core.alert.SeverityThresholds;
import io.riskgrid.core.control.CircuitBreakers;
import io.riskgrid.core.control.DrawdownTiers;
import io.riskgrid.core.control.RiskPolicy;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the YAML tree of a limits file (see {@link LimitsFile} for its shape) into a
 * {@link LimitsFile}, noting every problem instead of stopping at the first. Where a value is wrong
 * the reader carries on with the default in its place, so that later checks still run; the caller
 * must not use the result when {@link #problems()} is not empty.
 * <p>
 * A reader reads one file. It is not thread-safe.
 */
final class LimitsFileReader {

    /** The account id of default limits until {@link LimitsFile#limitsFor} gives them a real one. */
    static final String ANY_ACCOUNT = "*";

    private static final String POSITION = "position_limits";
    private static final String NOTIONAL = "notional_limits";
    private static final String DRAWDOWN = "drawdown_limits";
    private static final String BREAKERS = "circuit_breakers";
    private static final String ALERTS = "alert_configuration";
    private static final String ACCOUNTS = "accounts";
    private static final String INSTRUMENTS = "instruments";
    private static final String SECTORS = "sectors";
    private static final String WARN_AT = "warn_at";
    private static final String THRESHOLDS = "severity_thresholds";
    private static final String HYSTERESIS = "hysteresis";
    private static final String ESCALATION = "escalation";
    private static final String HIGH_AFTER = "high_after_seconds";
    private static final String CRITICAL_AFTER = "critical_after_seconds";
    private static final String REDUCE_SIZE_AT = "reduce_size_at";
    private static final String REDUCING_AT = "reducing_at";
    private static final String HALT_AT = "halt_at";
    private static final String SIZING_FACTOR = "sizing_factor";
    private static final String TOTAL_LOSS = "total_loss_fraction";
    private static final String RAPID_LOSS = "rapid_loss";
    private static final String CASCADE = "critical_alert_cascade";
    private static final String FRACTION = "fraction";
    private static final String WINDOW = "window_seconds";
    private static final String COUNT = "count";

    /** A key that sets a limit of the whole account. */
    private record AccountKey(String key, String limitId, LimitMetric metric) {
    }

    /** A key that sets a limit of one instrument or sector; the limit id ends in the metric's name. */
    private record ScopedKey(String key, LimitMetric metric) {
    }

    private static final List<AccountKey> POSITION_LIMITS = List.of(
            new AccountKey("max_position_qty", "POSITION_QTY", LimitMetric.POSITION_QTY),
            new AccountKey("max_concentration", "CONCENTRATION", LimitMetric.CONCENTRATION));
    private static final List<AccountKey> NOTIONAL_LIMITS = List.of(
            new AccountKey("max_gross_notional", "GROSS", LimitMetric.GROSS_NOTIONAL),
            new AccountKey("max_net_notional", "NET", LimitMetric.NET_NOTIONAL),
            new AccountKey("max_leverage", "LEVERAGE", LimitMetric.LEVERAGE),
            new AccountKey("max_var_99", "VAR99", LimitMetric.VAR_99));
    private static final List<AccountKey> DRAWDOWN_LIMITS = List.of(
            new AccountKey("max_daily_loss", "DAILY_LOSS", LimitMetric.DAILY_LOSS),
            new AccountKey("max_drawdown", "DRAWDOWN", LimitMetric.DRAWDOWN));
    private static final List<ScopedKey> SCOPED_LIMITS = List.of(
            new ScopedKey("max_position_qty", LimitMetric.POSITION_QTY),
            new ScopedKey("max_gross_notional", LimitMetric.GROSS_NOTIONAL),
            new ScopedKey("max_net_notional", LimitMetric.NET_NOTIONAL),
            new ScopedKey("max_concentration", LimitMetric.CONCENTRATION));

    private static final List<String> TOP_KEYS = List.of(POSITION, NOTIONAL, DRAWDOWN, BREAKERS, ALERTS, ACCOUNTS);
    private static final List<String> ACCOUNT_KEYS = List.of(POSITION, NOTIONAL, DRAWDOWN, WARN_AT);
    private static final List<String> POSITION_KEYS = List.of("max_position_qty", "max_concentration", INSTRUMENTS, SECTORS);
    private static final List<String> SCOPED_KEYS = SCOPED_LIMITS.stream().map(ScopedKey::key).toList();
    private static final List<String> NOTIONAL_KEYS = NOTIONAL_LIMITS.stream().map(AccountKey::key).toList();
    private static final List<String> TIER_KEYS = List.of(REDUCE_SIZE_AT, REDUCING_AT, HALT_AT, SIZING_FACTOR);
    private static final List<String> ACCOUNT_DRAWDOWN_KEYS = DRAWDOWN_LIMITS.stream().map(AccountKey::key).toList();
    private static final List<String> DRAWDOWN_KEYS = concat(ACCOUNT_DRAWDOWN_KEYS, TIER_KEYS);
    private static final List<String> BREAKER_KEYS = List.of(TOTAL_LOSS, RAPID_LOSS, CASCADE);
    private static final List<String> RAPID_LOSS_KEYS = List.of(FRACTION, WINDOW);
    private static final List<String> CASCADE_KEYS = List.of(COUNT, WINDOW);
    private static final List<String> ALERT_KEYS = List.of(WARN_AT, THRESHOLDS, HYSTERESIS, ESCALATION);
    private static final List<String> THRESHOLD_KEYS = List.of("low", "medium", "high", "critical");
    private static final List<String> ESCALATION_KEYS = List.of(HIGH_AFTER, CRITICAL_AFTER);

    /** Why a firm-wide key is refused inside an account section, by key. */
    private static final Map<String, String> FIRM_WIDE_IN_ACCOUNT = Map.of(
            BREAKERS, "'" + BREAKERS + "' is firm-wide and cannot be set for one account: set it at the top level",
            ALERTS, "'" + ALERTS + "' is firm-wide and cannot be set for one account: set it at the top level,"
                    + " or give the account its own warn_at",
            ACCOUNTS, "'" + ACCOUNTS + "' cannot be nested inside an account");
    private static final Map<String, String> TIERS_IN_ACCOUNT = tiersInAccount();

    /** The names the domain records use in their messages, and the YAML keys they stand for. */
    private static final Map<String, String> TIER_NAMES = Map.of(
            "reduceSizeAt", REDUCE_SIZE_AT, "reducingAt", REDUCING_AT, "haltAt", HALT_AT, "sizingFactor", SIZING_FACTOR);
    private static final Map<String, String> BREAKER_NAMES = Map.of(
            "totalLossFraction", TOTAL_LOSS,
            "rapidLossFraction", RAPID_LOSS + "." + FRACTION,
            "rapidLossWindowMs", RAPID_LOSS + "." + WINDOW,
            "criticalAlertCount", CASCADE + "." + COUNT,
            "criticalAlertWindowMs", CASCADE + "." + WINDOW);
    private static final Map<String, String> ALERT_NAMES = Map.of(
            "thresholds", THRESHOLDS,
            "hysteresis", HYSTERESIS,
            "highEscalationMs", ESCALATION + "." + HIGH_AFTER,
            "criticalEscalationMs", ESCALATION + "." + CRITICAL_AFTER);
    private static final Map<String, String> WARN_NAMES = Map.of("warnAt", WARN_AT);

    /** A key that needs no quoting in a path. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_ECHOED_VALUE = 40;

    private final List<InputProblem> problems = new ArrayList<>();

    /** Everything found wrong so far, in the order of the file. */
    List<InputProblem> problems() {
        return problems;
    }

    /** Reads the tree of a whole file; null (an empty file) means no limits and the default policy. */
    LimitsFile read(JsonNode root) {
        if (root != null && !root.isNull() && !root.isObject()) {
            problem(null, "the file must be a mapping of sections (" + String.join(", ", TOP_KEYS) + "), was " + describe(root));
            return new LimitsFile(RiskPolicy.DEFAULT, List.of(), Map.of());
        }
        Map<String, JsonNode> top = fields(root, "", TOP_KEYS, Map.of());

        Map<String, JsonNode> alerts = fields(top.get(ALERTS), ALERTS, ALERT_KEYS, Map.of());
        double warnAt = warnLevel(alerts.get(WARN_AT), ALERTS, AccountLimit.DEFAULT_WARN_AT);
        AlertPolicy alertPolicy = alertPolicy(alerts);

        Map<String, JsonNode> drawdown = fields(top.get(DRAWDOWN), DRAWDOWN, DRAWDOWN_KEYS, Map.of());
        DrawdownTiers tiers = tiers(drawdown);
        CircuitBreakers breakers = breakers(top.get(BREAKERS));
        List<AccountLimit> defaults = limits("", top, drawdown, warnAt, ANY_ACCOUNT);

        Map<String, List<AccountLimit>> accounts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> account : entries(top.get(ACCOUNTS), ACCOUNTS, "account id").entrySet()) {
            String accountId = account.getKey();
            String base = path(ACCOUNTS, accountId);
            Map<String, JsonNode> section = fields(account.getValue(), base, ACCOUNT_KEYS, FIRM_WIDE_IN_ACCOUNT);
            double accountWarnAt = warnLevel(section.get(WARN_AT), base, warnAt);
            Map<String, JsonNode> accountDrawdown = fields(section.get(DRAWDOWN), path(base, DRAWDOWN),
                    ACCOUNT_DRAWDOWN_KEYS, TIERS_IN_ACCOUNT);
            List<AccountLimit> own = limits(base, section, accountDrawdown, accountWarnAt, accountId);

            // The account's own limits take the place of defaults of the same id; the rest follow.
            Map<String, AccountLimit> merged = new LinkedHashMap<>();
            for (AccountLimit d : defaults) {
                merged.put(d.limitId(), new AccountLimit(accountId, d.limitId(), d.scope(), d.target(), d.metric(),
                        d.maxValue(), accountWarnAt));
            }
            for (AccountLimit l : own) {
                merged.put(l.limitId(), l);
            }
            accounts.put(accountId, new ArrayList<>(merged.values()));
        }
        return new LimitsFile(new RiskPolicy(alertPolicy, tiers, breakers), defaults, accounts);
    }

    /**
     * The limits set by the position, notional and drawdown sections of {@code sections} (the top
     * level or one account's section), for {@code accountId}.
     */
    private List<AccountLimit> limits(String base, Map<String, JsonNode> sections, Map<String, JsonNode> drawdown,
                                      double warnAt, String accountId) {
        List<AccountLimit> limits = new ArrayList<>();
        String positionPath = path(base, POSITION);
        Map<String, JsonNode> position = fields(sections.get(POSITION), positionPath, POSITION_KEYS, Map.of());
        accountLimits(position, POSITION_LIMITS, positionPath, warnAt, accountId, limits);
        scopedLimits(position.get(INSTRUMENTS), path(positionPath, INSTRUMENTS), LimitScope.INSTRUMENT, "instrument id",
                warnAt, accountId, limits);
        scopedLimits(position.get(SECTORS), path(positionPath, SECTORS), LimitScope.SECTOR, "sector",
                warnAt, accountId, limits);
        String notionalPath = path(base, NOTIONAL);
        Map<String, JsonNode> notional = fields(sections.get(NOTIONAL), notionalPath, NOTIONAL_KEYS, Map.of());
        accountLimits(notional, NOTIONAL_LIMITS, notionalPath, warnAt, accountId, limits);
        accountLimits(drawdown, DRAWDOWN_LIMITS, path(base, DRAWDOWN), warnAt, accountId, limits);
        return limits;
    }

    private void accountLimits(Map<String, JsonNode> section, List<AccountKey> keys, String sectionPath, double warnAt,
                               String accountId, List<AccountLimit> out) {
        for (AccountKey k : keys) {
            JsonNode value = section.get(k.key());
            if (value != null) {
                limit(value, sectionPath, k.key(), accountId, k.limitId(), LimitScope.ACCOUNT, null, k.metric(), warnAt, out);
            }
        }
    }

    private void scopedLimits(JsonNode node, String sectionPath, LimitScope scope, String noun, double warnAt,
                              String accountId, List<AccountLimit> out) {
        for (Map.Entry<String, JsonNode> entry : entries(node, sectionPath, noun).entrySet()) {
            String target = entry.getKey();
            String targetPath = path(sectionPath, target);
            Map<String, JsonNode> section = fields(entry.getValue(), targetPath, SCOPED_KEYS, Map.of());
            for (ScopedKey k : SCOPED_LIMITS) {
                JsonNode value = section.get(k.key());
                if (value != null) {
                    String limitId = scope.name() + ":" + target + ":" + k.metric().name();
                    limit(value, targetPath, k.key(), accountId, limitId, scope, target, k.metric(), warnAt, out);
                }
            }
        }
    }

    private void limit(JsonNode value, String sectionPath, String key, String accountId, String limitId, LimitScope scope,
                       String target, LimitMetric metric, double warnAt, List<AccountLimit> out) {
        Double max = number(value, path(sectionPath, key));
        if (max == null) {
            return;
        }
        try {
            out.add(new AccountLimit(accountId, limitId, scope, target, metric, max, warnAt));
        } catch (IllegalArgumentException e) {
            rejected(e, sectionPath, Map.of("maxValue", key));
        }
    }

    /**
     * The warn level at {@code sectionPath.warn_at}, or {@code fallback} when it is absent or wrong.
     * It is checked once here, by the record that will hold it, rather than once per limit.
     */
    private double warnLevel(JsonNode node, String sectionPath, double fallback) {
        if (node == null) {
            return fallback;
        }
        Double warnAt = number(node, path(sectionPath, WARN_AT));
        if (warnAt == null) {
            return fallback;
        }
        try {
            new AccountLimit(ANY_ACCOUNT, WARN_AT, LimitScope.ACCOUNT, null, LimitMetric.LEVERAGE, 1, warnAt);
            return warnAt;
        } catch (IllegalArgumentException e) {
            rejected(e, sectionPath, WARN_NAMES);
            return fallback;
        }
    }

    private AlertPolicy alertPolicy(Map<String, JsonNode> alerts) {
        String thresholdsPath = path(ALERTS, THRESHOLDS);
        Map<String, JsonNode> t = fields(alerts.get(THRESHOLDS), thresholdsPath, THRESHOLD_KEYS, Map.of());
        SeverityThresholds d = AlertPolicy.DEFAULT.thresholds();
        SeverityThresholds thresholds = d;
        try {
            thresholds = new SeverityThresholds(number(t, "low", thresholdsPath, d.low()),
                    number(t, "medium", thresholdsPath, d.medium()), number(t, "high", thresholdsPath, d.high()),
                    number(t, "critical", thresholdsPath, d.critical()));
        } catch (IllegalArgumentException e) {
            // Carry on with the default thresholds so that the rest of the section is still checked.
            rejected(e, thresholdsPath, Map.of());
        }
        String escalationPath = path(ALERTS, ESCALATION);
        Map<String, JsonNode> escalation = fields(alerts.get(ESCALATION), escalationPath, ESCALATION_KEYS, Map.of());
        AlertPolicy p = AlertPolicy.DEFAULT;
        try {
            return new AlertPolicy(thresholds, number(alerts, HYSTERESIS, ALERTS, p.hysteresis()),
                    millis(escalation, HIGH_AFTER, escalationPath, p.highEscalationMs()),
                    millis(escalation, CRITICAL_AFTER, escalationPath, p.criticalEscalationMs()));
        } catch (IllegalArgumentException e) {
            rejected(e, ALERTS, ALERT_NAMES);
            return p;
        }
    }

    private DrawdownTiers tiers(Map<String, JsonNode> drawdown) {
        DrawdownTiers d = DrawdownTiers.DEFAULT;
        try {
            return new DrawdownTiers(number(drawdown, REDUCE_SIZE_AT, DRAWDOWN, d.reduceSizeAt()),
                    number(drawdown, REDUCING_AT, DRAWDOWN, d.reducingAt()), number(drawdown, HALT_AT, DRAWDOWN, d.haltAt()),
                    number(drawdown, SIZING_FACTOR, DRAWDOWN, d.sizingFactor()));
        } catch (IllegalArgumentException e) {
            rejected(e, DRAWDOWN, TIER_NAMES);
            return d;
        }
    }

    private CircuitBreakers breakers(JsonNode node) {
        Map<String, JsonNode> b = fields(node, BREAKERS, BREAKER_KEYS, Map.of());
        String rapidPath = path(BREAKERS, RAPID_LOSS);
        Map<String, JsonNode> rapid = fields(b.get(RAPID_LOSS), rapidPath, RAPID_LOSS_KEYS, Map.of());
        String cascadePath = path(BREAKERS, CASCADE);
        Map<String, JsonNode> cascade = fields(b.get(CASCADE), cascadePath, CASCADE_KEYS, Map.of());
        CircuitBreakers d = CircuitBreakers.DEFAULT;
        try {
            return new CircuitBreakers(number(b, TOTAL_LOSS, BREAKERS, d.totalLossFraction()),
                    number(rapid, FRACTION, rapidPath, d.rapidLossFraction()),
                    millis(rapid, WINDOW, rapidPath, d.rapidLossWindowMs()),
                    count(cascade, COUNT, cascadePath, d.criticalAlertCount()),
                    millis(cascade, WINDOW, cascadePath, d.criticalAlertWindowMs()));
        } catch (IllegalArgumentException e) {
            rejected(e, BREAKERS, BREAKER_NAMES);
            return d;
        }
    }

    /**
     * The keys of a mapping that are in {@code allowed}; every other key is reported, with the reason
     * in {@code misplaced} when it has one. An absent or empty section is an empty mapping.
     */
    private Map<String, JsonNode> fields(JsonNode node, String path, List<String> allowed, Map<String, String> misplaced) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (!isMapping(node, path)) {
            return fields;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            if (allowed.contains(key)) {
                fields.put(key, entry.getValue());
            } else {
                String at = path(path, key);
                String why = misplaced.getOrDefault(key, "unknown key '" + key + "'");
                // "; " separates problems in the exception's message, so a problem's own message avoids it.
                problem(at, at + ": " + why + " (allowed keys " + (path.isEmpty() ? "at the top level" : "in " + path)
                        + ": " + String.join(", ", allowed) + ")");
            }
        }
        return fields;
    }

    /** The entries of a mapping keyed by names of the file's choosing (instruments, sectors, accounts). */
    private Map<String, JsonNode> entries(JsonNode node, String path, String noun) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (!isMapping(node, path)) {
            return entries;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().isBlank()) {
                problem(path, path + ": " + noun + " must not be blank");
            } else {
                entries.put(entry.getKey(), entry.getValue());
            }
        }
        return entries;
    }

    /** True for a mapping; false for an absent or empty section, and for anything else, which is reported. */
    private boolean isMapping(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isObject()) {
            return true;
        }
        problem(path, path + " must be a mapping of keys to values, was " + describe(node));
        return false;
    }

    /** The number at {@code path}, or null (reported) when the value is not a number. */
    private Double number(JsonNode node, String path) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        String hint = node.isTextual() && node.asText().trim().matches("[-+]?[0-9][0-9_]*(\\.[0-9]*)?([eE][-+]?[0-9]+)?")
                ? " (write numbers without quotes)" : "";
        problem(path, path + " must be a number, was " + describe(node) + hint);
        return null;
    }

    /** The number under {@code key}, or {@code fallback} when it is absent or (reported) not a number. */
    private double number(Map<String, JsonNode> section, String key, String sectionPath, double fallback) {
        JsonNode node = section.get(key);
        Double value = node == null ? null : number(node, path(sectionPath, key));
        return value == null ? fallback : value;
    }

    /** A duration written in seconds under {@code key}, in milliseconds; {@code fallbackMs} when absent or wrong. */
    private long millis(Map<String, JsonNode> section, String key, String sectionPath, long fallbackMs) {
        double seconds = number(section, key, sectionPath, Double.NaN);
        return Double.isNaN(seconds) ? fallbackMs : Math.round(seconds * 1000);
    }

    /** A whole number under {@code key}; {@code fallback} when absent or (reported) not a whole number. */
    private int count(Map<String, JsonNode> section, String key, String sectionPath, int fallback) {
        JsonNode node = section.get(key);
        if (node == null) {
            return fallback;
        }
        String at = path(sectionPath, key);
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        problem(at, at + " must be a whole number, was " + describe(node));
        return fallback;
    }

    /**
     * Reports a domain record's refusal under the YAML names. A message that starts with one of the
     * record's field names is about that key; any other is about the section. A record reports the
     * first rule a value breaks, so a section with two wrong values shows the second once the first
     * is put right.
     */
    private void rejected(IllegalArgumentException e, String sectionPath, Map<String, String> names) {
        String message = String.valueOf(e.getMessage());
        boolean millis = false;
        for (String name : names.keySet()) {
            millis |= name.endsWith("Ms") && message.contains(name);
        }
        String note = millis ? " (figures in milliseconds)" : "";
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (message.startsWith(name.getKey() + " ")) {
                String at = sectionPath + "." + name.getValue();
                problem(at, at + rename(message.substring(name.getKey().length()), names) + note);
                return;
            }
        }
        problem(sectionPath, sectionPath + ": " + rename(message, names) + note);
    }

    /** {@code message} with each record field name replaced by the YAML key it stands for. */
    private static String rename(String message, Map<String, String> names) {
        String renamed = message;
        for (Map.Entry<String, String> name : names.entrySet()) {
            renamed = renamed.replaceAll("\\b" + Pattern.quote(name.getKey()) + "\\b", Matcher.quoteReplacement(name.getValue()));
        }
        return renamed;
    }

    private void problem(String path, String message) {
        problems.add(new InputProblem(path, message));
    }

    /** The path of {@code key} under {@code parent}; a key with dots, spaces or the like is quoted. */
    private static String path(String parent, String key) {
        String segment = PLAIN_KEY.matcher(key).matches() ? key : '"' + key + '"';
        return parent.isEmpty() ? segment : parent + "." + segment;
    }

    /** A YAML value in words, for messages. */
    private static String describe(JsonNode node) {
        if (node.isNull()) {
            return "empty";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            String text = node.asText();
            return "'" + (text.length() <= MAX_ECHOED_VALUE ? text : text.substring(0, MAX_ECHOED_VALUE) + "...") + "'";
        }
        return node.asText();
    }

    private static Map<String, String> tiersInAccount() {
        Map<String, String> why = new LinkedHashMap<>();
        for (String tier : TIER_KEYS) {
            why.put(tier, "'" + tier + "' is a firm-wide drawdown tier and cannot be set for one account:"
                    + " set it in the top-level " + DRAWDOWN);
        }
        return why;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
