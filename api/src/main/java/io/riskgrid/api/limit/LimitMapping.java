package io.riskgrid.api.limit;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgrid.api.error.InputProblem;
import io.riskgrid.api.request.Echo;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.grid.schema.AccountRiskRow;
import io.riskgrid.grid.schema.LimitKey;
import io.riskgrid.grid.schema.LimitRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place where limit REST input and output meet the domain and the grid: a request body
 * becomes validated {@link AccountLimit}s, and LIMITS rows (with the account's risk row) become
 * {@link LimitView}s.
 * <p>
 * A body is one limit object or an array of them. Each problem is reported with the path of the
 * field at fault: {@code maxValue} in a single object, {@code limits[2].maxValue} in an array.
 * Unknown fields are problems too, so that a misspelt field is never silently ignored.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class LimitMapping {

    /** Most limits one request may set. */
    public static final int MAX_BATCH = 10_000;

    private static final List<String> FIELDS = List.of("accountId", "limitId", "scope", "target", "metric",
            "maxValue", "warnAt", "actor", "reason");
    private static final String SCOPES = names(LimitScope.values());
    private static final String METRICS = names(LimitMetric.values());

    private LimitMapping() {
    }

    /**
     * A request to set limits, read from its body, with every problem found in it.
     *
     * @param entries  every entry of the body, in order (null for an entry that could not be read)
     * @param accountIds the account id each entry names, null where it names none
     * @param paths    the path of each entry: "" for a single object, {@code limits[i]} in an array
     * @param problems the problems of each entry, by entry; plus {@link #bodyProblems}
     * @param bodyProblems problems of the body as a whole (not an object or array, empty, too large)
     * @param actor    the actor the entries give, null when none does
     * @param reason   the reason the entries give, null when none does
     */
    public record LimitsRequest(List<AccountLimit> entries, List<String> accountIds, List<String> paths, List<List<InputProblem>> problems,
                                List<InputProblem> bodyProblems, String actor, String reason) {

        /** The path of field {@code field} of entry {@code i}. */
        public String field(int i, String field) {
            return fieldOf(paths.get(i), field);
        }

        /** Every problem, entry by entry. */
        public List<InputProblem> allProblems() {
            List<InputProblem> all = new ArrayList<>(bodyProblems);
            problems.forEach(all::addAll);
            return all;
        }
    }

    /** Reads the limits of a {@code PUT /limits} body without throwing: problems are collected. */
    public static LimitsRequest toRequest(JsonNode body) {
        List<AccountLimit> entries = new ArrayList<>();
        List<String> accountIds = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<List<InputProblem>> problems = new ArrayList<>();
        List<InputProblem> bodyProblems = new ArrayList<>();
        Audited audited = new Audited();
        if (body == null || body.isNull() || body.isMissingNode()) {
            bodyProblems.add(new InputProblem(null, "request body is required: a limit object or an array of them"));
        } else if (body.isObject()) {
            read(body, "", entries, accountIds, paths, problems, audited);
        } else if (body.isArray()) {
            if (body.isEmpty()) {
                bodyProblems.add(new InputProblem("limits", "limits must hold at least one limit"));
            } else if (body.size() > MAX_BATCH) {
                bodyProblems.add(new InputProblem("limits", "limits must hold at most " + MAX_BATCH + " entries, was "
                        + body.size() + "; send several requests"));
            } else {
                for (int i = 0; i < body.size(); i++) {
                    read(body.get(i), "limits[" + i + "]", entries, accountIds, paths, problems, audited);
                }
            }
        } else {
            bodyProblems.add(new InputProblem("limits", "request body must be a limit object or an array of them, was "
                    + describe(body)));
        }
        duplicates(entries, paths, problems);
        return new LimitsRequest(entries, accountIds, paths, problems, bodyProblems, audited.actor, audited.reason);
    }

    /** A limit as REST returns it; {@code risk} (the account's risk row) gives its current value, when measured. */
    public static LimitView toView(LimitKey key, LimitRow r, AccountRiskRow risk, long now) {
        boolean overridden = r.overrideValue != null && r.overrideUntil != null && now < r.overrideUntil;
        double effective = overridden ? r.overrideValue : r.maxValue;
        Double current = null;
        Double utilization = null;
        int i = risk == null || risk.limitIds == null ? -1 : Arrays.asList(risk.limitIds).indexOf(key.limitId());
        if (i >= 0) {
            current = known(risk.currentValues, i);
            utilization = known(risk.utilizations, i);
        }
        return new LimitView(key.accountId(), key.limitId(), r.scope, r.target, r.metric, r.maxValue,
                r.warnAt == null ? AccountLimit.DEFAULT_WARN_AT : r.warnAt, effective,
                overridden ? r.overrideValue : null, overridden ? r.overrideUntil : null, current, utilization,
                r.configuredMax, r.adaptiveFactor);
    }

    private static Double known(double[] values, int i) {
        return values == null || i >= values.length || !Double.isFinite(values[i]) ? null : values[i];
    }

    /** The actor and reason that the entries give, which must agree across a request. */
    private static final class Audited {
        String actor;
        String actorAt;
        String reason;
        String reasonAt;
    }

    private static void read(JsonNode node, String at, List<AccountLimit> entries, List<String> accountIds,
                             List<String> paths, List<List<InputProblem>> problems, Audited audited) {
        List<InputProblem> own = new ArrayList<>();
        paths.add(at);
        problems.add(own);
        if (node == null || !node.isObject()) {
            own.add(new InputProblem(at, at + " must be a limit object, was " + describe(node)));
            entries.add(null);
            accountIds.add(null);
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                String field = fieldOf(at, name);
                own.add(new InputProblem(field, field + ": unknown field (allowed: " + String.join(", ", FIELDS) + ")"));
            }
        }
        String accountId = text(node, at, "accountId", true, own);
        accountIds.add(accountId);
        String limitId = text(node, at, "limitId", true, own);
        LimitScope scope = choice(node, at, "scope", LimitScope.class, SCOPES, own);
        String target = text(node, at, "target", false, own);
        LimitMetric metric = choice(node, at, "metric", LimitMetric.class, METRICS, own);
        Double maxValue = number(node, at, "maxValue", true, own);
        Double warnAt = number(node, at, "warnAt", false, own);
        String actor = text(node, at, "actor", false, own);
        String reason = text(node, at, "reason", false, own);
        if (actor != null) {
            if (audited.actor == null) {
                audited.actor = actor;
                audited.actorAt = fieldOf(at, "actor");
            } else if (!audited.actor.equals(actor)) {
                String field = fieldOf(at, "actor");
                own.add(new InputProblem(field, field + " must be the same as " + audited.actorAt + " ('"
                        + Echo.clip(audited.actor) + "'): one request is audited as one actor"));
            }
        }
        if (reason != null) {
            if (audited.reason == null) {
                audited.reason = reason;
                audited.reasonAt = fieldOf(at, "reason");
            } else if (!audited.reason.equals(reason)) {
                String field = fieldOf(at, "reason");
                own.add(new InputProblem(field, field + " must be the same as " + audited.reasonAt
                        + ": one request is audited with one reason"));
            }
        }
        AccountLimit limit = null;
        if (own.isEmpty()) {
            try {
                limit = new AccountLimit(accountId, limitId, scope, target, metric, maxValue,
                        warnAt == null ? AccountLimit.DEFAULT_WARN_AT : warnAt);
            } catch (IllegalArgumentException e) {
                // The record's messages start with the field at fault ("maxValue must be a positive number").
                String message = String.valueOf(e.getMessage());
                String field = FIELDS.stream().filter(f -> message.startsWith(f + " ")).findFirst().orElse(null);
                own.add(new InputProblem(field == null ? (at.isEmpty() ? null : at) : fieldOf(at, field),
                        at.isEmpty() ? message : at + "." + message));
            }
        }
        entries.add(limit);
    }

    /** A second entry for the same limit of the same account would make the result depend on order. */
    private static void duplicates(List<AccountLimit> entries, List<String> paths, List<List<InputProblem>> problems) {
        Map<LimitKey, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            AccountLimit l = entries.get(i);
            if (l == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(new LimitKey(l.accountId(), l.limitId()), i);
            if (first != null) {
                String field = fieldOf(paths.get(i), "limitId");
                problems.get(i).add(new InputProblem(field, field + ": limit '"
                        + Echo.clip(l.limitId()) + "' of account '"
                        + Echo.clip(l.accountId()) + "' is also set by " + paths.get(first)));
            }
        }
    }

    private static String text(JsonNode node, String at, String field, boolean required, List<InputProblem> problems) {
        JsonNode value = node.get(field);
        String path = fieldOf(at, field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new InputProblem(path, path + " is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new InputProblem(path, path + " must be a string, was " + describe(value)));
            return null;
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            if (required) {
                problems.add(new InputProblem(path, path + " is required"));
            }
            return null;
        }
        return text;
    }

    private static Double number(JsonNode node, String at, String field, boolean required, List<InputProblem> problems) {
        JsonNode value = node.get(field);
        String path = fieldOf(at, field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new InputProblem(path, path + " is required"));
            }
            return null;
        }
        if (!value.isNumber()) {
            problems.add(new InputProblem(path, path + " must be a number, was " + describe(value)));
            return null;
        }
        return value.asDouble();
    }

    private static <E extends Enum<E>> E choice(JsonNode node, String at, String field, Class<E> type, String allowed,
                                                List<InputProblem> problems) {
        String text = text(node, at, field, true, problems);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String path = fieldOf(at, field);
            problems.add(new InputProblem(path, path + " must be one of " + allowed + ", was '"
                    + Echo.clip(text) + "'"));
            return null;
        }
    }

    private static String fieldOf(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "'" + Echo.clip(node.asText()) + "'";
        }
        return Echo.clip(node.asText());
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
