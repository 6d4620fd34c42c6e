package io.riskgrid.api.job;

import io.riskgrid.api.error.InputProblem;
import io.riskgrid.api.error.InvalidInputException;
import io.riskgrid.api.request.Echo;
import io.riskgrid.core.stress.Shock;
import io.riskgrid.core.stress.ShockTarget;
import io.riskgrid.core.stress.StressRequest;
import io.riskgrid.core.stress.StressScenario;
import io.riskgrid.core.stress.StressScenarios;
import io.riskgrid.core.var.VarMethod;
import io.riskgrid.core.var.VarRequest;
import io.riskgrid.core.var.VarScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Checks a {@link JobRequest} and turns it into what the grid runs, reporting every problem of
 * the request at once, each with its field.
 * <p>
 * Stateless and thread-safe.
 */
final class JobRequests {

    static final double DEFAULT_CONFIDENCE = 0.99;
    /** Most shocks one stress request may carry. */
    static final int MAX_SHOCKS = 10_000;

    private JobRequests() {
    }

    static JobSpec check(JobRequest body) {
        List<InputProblem> problems = new ArrayList<>();
        String type = upper(body.type());
        if (type == null) {
            throw InvalidInputException.of("type", "type is required: VAR, STRESS, SCENARIO, TRAIN or BACKTEST");
        }
        switch (type) {
            case "VAR":
                return var(body, problems);
            case "STRESS":
                return stress(body, problems);
            case "SCENARIO":
                return scenario(body, problems);
            case "TRAIN":
                return train(body, problems);
            case "BACKTEST":
                return backtest(body, problems);
            default:
                throw InvalidInputException.of("type", "type must be one of VAR, STRESS, SCENARIO, TRAIN, BACKTEST, was '"
                        + Echo.clip(body.type()) + "'");
        }
    }

    private static JobSpec var(JobRequest body, List<InputProblem> problems) {
        VarScope scope = VarScope.FIRM;
        String scopeText = upper(body.scope());
        if (scopeText == null && body.accountId() != null) {
            scopeText = "ACCOUNT";
        }
        if (scopeText != null) {
            try {
                scope = VarScope.valueOf(scopeText);
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem("scope", "scope must be FIRM or ACCOUNT, was '"
                        + Echo.clip(body.scope()) + "'"));
            }
        }
        String accountId = body.accountId() == null || body.accountId().isBlank() ? null : body.accountId().trim();
        if (scope == VarScope.ACCOUNT && accountId == null) {
            problems.add(new InputProblem("accountId", "accountId is required with scope ACCOUNT"));
        }
        if (scope == VarScope.FIRM && accountId != null) {
            problems.add(new InputProblem("accountId", "accountId applies to scope ACCOUNT only; leave it out for FIRM"));
        }
        VarMethod method = VarMethod.MONTE_CARLO;
        if (body.method() != null) {
            try {
                method = VarMethod.valueOf(upper(body.method()));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(new InputProblem("method", "method must be one of PARAMETRIC, HISTORICAL, MONTE_CARLO, was '"
                        + Echo.clip(body.method()) + "'"));
            }
        }
        double confidence = body.confidence() == null ? DEFAULT_CONFIDENCE : body.confidence();
        if (!(confidence > 0 && confidence < 1)) {
            problems.add(new InputProblem("confidence", "confidence must be between 0 and 1 (exclusive), was "
                    + body.confidence()));
        }
        int horizon = body.horizonDays() == null ? 1 : body.horizonDays();
        if (horizon < 1 || horizon > VarRequest.MAX_HORIZON_DAYS) {
            problems.add(new InputProblem("horizonDays", "horizonDays must be between 1 and " + VarRequest.MAX_HORIZON_DAYS
                    + ", was " + horizon));
        }
        int paths = body.paths() == null ? VarRequest.DEFAULT_PATHS : body.paths();
        if (paths < 100 || paths > VarRequest.MAX_PATHS) {
            problems.add(new InputProblem("paths", "paths must be between 100 and " + VarRequest.MAX_PATHS + ", was "
                    + paths));
        }
        notFor(body.shocks() != null, "shocks", "VAR", problems);
        notFor(body.scenario() != null, "scenario", "VAR", problems);
        notFor(body.replay() != null, "replay", "VAR", problems);
        notFor(body.model() != null, "model", "VAR", problems);
        notFor(body.modelVersion() != null, "modelVersion", "VAR", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long seed = body.seed() != null ? body.seed() : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        return new JobSpec.Var(scope == VarScope.ACCOUNT
                ? VarRequest.account(accountId, method, confidence, horizon, paths, seed)
                : VarRequest.firm(method, confidence, horizon, paths, seed));
    }

    private static JobSpec train(JobRequest body, List<InputProblem> problems) {
        mlFieldsOnly(body, "TRAIN", problems);
        notFor(body.modelVersion() != null, "modelVersion", "TRAIN (a new version is made)", problems);
        String kind = upper(body.model()) == null ? "PCA" : upper(body.model());
        if (!kind.equals("PCA") && !kind.equals("AUTOENCODER")) {
            problems.add(new InputProblem("model", "model must be PCA or AUTOENCODER, was '" + Echo.clip(body.model()) + "'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new JobSpec.Train(kind, seedOrRandom(body));
    }

    private static JobSpec backtest(JobRequest body, List<InputProblem> problems) {
        mlFieldsOnly(body, "BACKTEST", problems);
        notFor(body.model() != null, "model", "BACKTEST (name a modelVersion)", problems);
        String version = body.modelVersion() == null || body.modelVersion().isBlank() ? null : body.modelVersion().trim();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new JobSpec.Backtest(version, seedOrRandom(body));
    }

    private static void mlFieldsOnly(JobRequest body, String type, List<InputProblem> problems) {
        notFor(body.scope() != null, "scope", type, problems);
        notFor(body.accountId() != null, "accountId", type, problems);
        notFor(body.method() != null, "method", type, problems);
        notFor(body.confidence() != null, "confidence", type, problems);
        notFor(body.paths() != null, "paths", type, problems);
        notFor(body.horizonDays() != null, "horizonDays", type, problems);
        notFor(body.shocks() != null, "shocks", type, problems);
        notFor(body.scenario() != null, "scenario", type, problems);
        notFor(body.replay() != null, "replay", type, problems);
        notFor(body.worst() != null, "worst", type, problems);
        notFor(body.name() != null, "name", type, problems);
    }

    private static long seedOrRandom(JobRequest body) {
        return body.seed() != null ? body.seed() : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    private static JobSpec stress(JobRequest body, List<InputProblem> problems) {
        varFieldsAbsent(body, "STRESS", problems);
        notFor(body.scenario() != null, "scenario", "STRESS (use type SCENARIO for a named scenario)", problems);
        notFor(body.replay() != null, "replay", "STRESS (use type SCENARIO for a replay)", problems);
        int worst = worst(body, problems);
        List<Shock> shocks = new ArrayList<>();
        if (body.shocks() == null || body.shocks().isEmpty()) {
            problems.add(new InputProblem("shocks", "shocks must not be empty: [{target: INSTRUMENT|SECTOR|ASSET_CLASS, "
                    + "key, change}, ...]"));
        } else if (body.shocks().size() > MAX_SHOCKS) {
            problems.add(new InputProblem("shocks", "shocks may have at most " + MAX_SHOCKS + " entries, has "
                    + body.shocks().size()));
        } else {
            for (int i = 0; i < body.shocks().size(); i++) {
                Shock s = shock(body.shocks().get(i), "shocks[" + i + "]", problems);
                if (s != null) {
                    shocks.add(s);
                }
            }
        }
        String name = body.name() == null || body.name().isBlank() ? "custom" : body.name().trim();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new JobSpec.Stress("STRESS", StressRequest.shocks(new StressScenario(name, shocks), worst));
    }

    private static JobSpec scenario(JobRequest body, List<InputProblem> problems) {
        varFieldsAbsent(body, "SCENARIO", problems);
        notFor(body.shocks() != null, "shocks", "SCENARIO (use type STRESS for explicit shocks)", problems);
        int worst = worst(body, problems);
        StressRequest request = null;
        if (body.scenario() != null && body.replay() != null) {
            problems.add(new InputProblem("scenario", "give either scenario (a named one) or replay, not both"));
        } else if (body.scenario() != null) {
            try {
                request = StressRequest.shocks(StressScenarios.named(body.scenario()), Math.min(1000, Math.max(1, worst)));
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem("scenario", e.getMessage()));
            }
        } else if (body.replay() != null) {
            JobRequest.Replay r = body.replay();
            if (r.fromDay() == null || r.toDay() == null) {
                problems.add(new InputProblem("replay", "replay needs fromDay and toDay: days of the return history, "
                        + "day 0 the oldest held, toDay exclusive"));
            } else {
                String name = body.name() == null || body.name().isBlank()
                        ? "replay of days " + r.fromDay() + " to " + r.toDay() : body.name().trim();
                try {
                    request = StressRequest.replay(name, r.fromDay(), r.toDay(), Math.min(1000, Math.max(1, worst)));
                } catch (IllegalArgumentException e) {
                    problems.add(new InputProblem("replay", "replay." + e.getMessage()));
                }
            }
        } else {
            problems.add(new InputProblem("scenario", "scenario (one of " + String.join(", ", StressScenarios.names())
                    + ") or replay {fromDay, toDay} is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new JobSpec.Stress("SCENARIO", request);
    }

    private static Shock shock(JobRequest.ShockRequest s, String field, List<InputProblem> problems) {
        if (s == null) {
            problems.add(new InputProblem(field, field + " is required"));
            return null;
        }
        ShockTarget target = null;
        String t = upper(s.target());
        if (t == null) {
            problems.add(new InputProblem(field + ".target", field + ".target is required: INSTRUMENT, SECTOR or ASSET_CLASS"));
        } else {
            try {
                target = ShockTarget.valueOf(t);
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem(field + ".target", field + ".target must be one of INSTRUMENT, SECTOR, "
                        + "ASSET_CLASS, was '" + Echo.clip(s.target()) + "'"));
            }
        }
        if (s.key() == null || s.key().isBlank()) {
            problems.add(new InputProblem(field + ".key", field + ".key is required: the instrument id, sector or asset class"));
        }
        if (s.change() == null) {
            problems.add(new InputProblem(field + ".change", field + ".change is required: a fraction, -0.2 for a 20% fall"));
        } else if (!Double.isFinite(s.change()) || s.change() <= -1) {
            problems.add(new InputProblem(field + ".change", field + ".change must be a fraction above -1 (a price cannot "
                    + "fall below zero), was " + s.change()));
        }
        if (target == null || s.key() == null || s.key().isBlank() || s.change() == null || !Double.isFinite(s.change())
                || s.change() <= -1) {
            return null;
        }
        return new Shock(target, s.key().trim(), s.change());
    }

    private static int worst(JobRequest body, List<InputProblem> problems) {
        int worst = body.worst() == null ? StressRequest.DEFAULT_WORST : body.worst();
        if (worst < 1 || worst > 1000) {
            problems.add(new InputProblem("worst", "worst must be between 1 and 1000, was " + worst));
        }
        return worst;
    }

    private static void varFieldsAbsent(JobRequest body, String type, List<InputProblem> problems) {
        notFor(body.scope() != null, "scope", type, problems);
        notFor(body.accountId() != null, "accountId", type + " (a stress test covers every account)", problems);
        notFor(body.method() != null, "method", type, problems);
        notFor(body.confidence() != null, "confidence", type, problems);
        notFor(body.paths() != null, "paths", type, problems);
        notFor(body.seed() != null, "seed", type, problems);
        notFor(body.horizonDays() != null, "horizonDays", type, problems);
        notFor(body.model() != null, "model", type, problems);
        notFor(body.modelVersion() != null, "modelVersion", type, problems);
    }

    private static void notFor(boolean present, String field, String type, List<InputProblem> problems) {
        if (present) {
            problems.add(new InputProblem(field, field + " does not apply to type " + type));
        }
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
