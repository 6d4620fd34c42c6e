package io.riskgrid.api.limit;

import io.riskgrid.api.RiskGridProperties;
import io.riskgrid.compute.control.AccountControlJob;
import io.riskgrid.compute.control.AuditTrail;
import io.riskgrid.compute.control.ControlResult;
import io.riskgrid.compute.control.PolicyStore;
import io.riskgrid.compute.control.PutLimitsJob;
import io.riskgrid.core.control.RiskPolicy;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.grid.schema.AuditRow;
import io.riskgrid.grid.schema.GridTables;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.FieldsQueryCursor;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the limits file ({@code riskgrid.limits.file}) at start: the file's policy replaces the
 * grid's (audited as POLICY_SET by {@code system}), and every account in ACCOUNTS gets the file's
 * limits for it (audited as LIMIT_SET by {@code system}, reason {@code limits file <name>}), replacing
 * limits of the same id and keeping the others.
 * <p>
 * The file is read and checked when this bean is created, so a file that cannot be used stops the
 * application before anything is applied, with every problem of the file in the message. It is
 * applied as a {@link SmartLifecycle} of phase {@value #PHASE}: after the demo book is loaded
 * ({@code DemoLifecycle}, phase 0), so that the demo's accounts get the file's limits and the demo's
 * defaults (set only where absent) do not replace them, and before the web server opens, so the
 * first request already sees them. Accounts the file names but the grid does not hold are logged
 * and skipped.
 * <p>
 * This class is thread-safe.
 */
@Component
public class LimitsFileLoader implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LimitsFileLoader.class);
    /** After DemoLifecycle (phase 0), long before the web server (a late phase). */
    static final int PHASE = 1;

    private final Ignite ignite;
    private final Clock clock;
    private final Path path;
    private final LimitsFile file;
    private volatile boolean running;

    public LimitsFileLoader(Ignite ignite, RiskGridProperties properties, Clock clock) {
        this.ignite = ignite;
        this.clock = clock;
        this.path = properties.limits().file();
        if (path == null) {
            this.file = null;
        } else {
            try {
                this.file = LimitsFile.read(path);
            } catch (LimitsFileException e) {
                throw new IllegalStateException("riskgrid.limits.file cannot be used: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (file != null && !running) {
            apply();
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void apply() {
        long now = clock.millis();
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        String reason = "limits file " + name;

        PolicyStore policies = new PolicyStore(ignite);
        RiskPolicy before = policies.read();
        RiskPolicy after = file.policy();
        policies.write(after, now);
        AuditRow audit = AuditTrail.row(now, AuditTrail.SYSTEM, "POLICY_SET", null, PolicyMapping.describe(before),
                PolicyMapping.describe(after), reason, null, "risk policy from " + path);
        ignite.<String, AuditRow>cache(GridTables.AUDIT_LOG).put(AuditTrail.newEventId(now), audit);

        List<String> accounts = accountIds();
        int limits = 0;
        int limited = 0;
        for (String accountId : accounts) {
            List<AccountLimit> own = file.limitsFor(accountId);
            if (own.isEmpty()) {
                continue;
            }
            ControlResult r = AccountControlJob.run(ignite, PutLimitsJob.of(accountId, own, false, AuditTrail.SYSTEM,
                    reason, now));
            if (!r.ok()) {
                throw new IllegalStateException("limits file " + path + ": limits of account '" + accountId
                        + "' were not set: " + r.problem);
            }
            limits += own.size();
            limited++;
        }
        Set<String> missing = new LinkedHashSet<>(file.namedAccounts());
        missing.removeAll(accounts);
        if (!missing.isEmpty()) {
            LOG.warn("Limits file {} names accounts the grid does not hold; their sections were skipped: {}", path, missing);
        }
        LOG.info("Limits file {} applied: policy set, {} limits set on {} accounts", path, limits, limited);
    }

    private List<String> accountIds() {
        SqlFieldsQuery q = new SqlFieldsQuery("SELECT ACCOUNT_ID FROM ACCOUNTS ORDER BY ACCOUNT_ID")
                .setSchema(GridTables.SCHEMA);
        List<String> ids = new ArrayList<>();
        try (FieldsQueryCursor<List<?>> cursor = ignite.cache(GridTables.ACCOUNTS).query(q)) {
            cursor.forEach(row -> ids.add((String) row.get(0)));
        }
        return ids;
    }
}
