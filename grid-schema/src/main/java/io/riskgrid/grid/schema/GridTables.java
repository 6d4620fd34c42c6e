package io.riskgrid.grid.schema;

import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheKeyConfiguration;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.PartitionLossPolicy;
import org.apache.ignite.cache.QueryEntity;
import org.apache.ignite.cache.QueryIndex;
import org.apache.ignite.configuration.CacheConfiguration;

import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The grid's caches and their SQL tables, all in schema PUBLIC. Each table is named like its cache;
 * its columns are the fields of its key and value classes in upper snake case.
 * <p>
 * Account data (ACCOUNTS, POSITIONS, LIMITS, ACCOUNT_RISK, ALERTS, FILLS, OVERRIDES) is partitioned and
 * co-located by account id with one backup, and transactional so that a fill, its position and the
 * account's risk change together. INSTRUMENTS, PRICES, TRADING_CONTROLS (the firm-wide state) and
 * RISK_POLICY and RETURN_HISTORY (daily returns per instrument) are replicated. AUDIT_LOG and JOBS
 * (quants' compute jobs and their results) are partitioned by their own ids. MODELS (trained anomaly models)
 * is replicated; ANOMALY_SCORES (each account's latest score) is partitioned by account. Every node marks positions
 * from its own copy. Every write is FULL_SYNC, so a backup is never behind its primary once a write
 * returns, and a lost partition refuses reads and writes (READ_WRITE_SAFE) instead of answering from
 * missing data.
 * <p>
 * This class is stateless and thread-safe.
 */
public final class GridTables {

    public static final String SCHEMA = "PUBLIC";

    public static final String ACCOUNTS = "ACCOUNTS";
    public static final String INSTRUMENTS = "INSTRUMENTS";
    public static final String PRICES = "PRICES";
    public static final String POSITIONS = "POSITIONS";
    public static final String LIMITS = "LIMITS";
    public static final String ACCOUNT_RISK = "ACCOUNT_RISK";
    public static final String ALERTS = "ALERTS";
    public static final String AUDIT_LOG = "AUDIT_LOG";
    public static final String FILLS = "FILLS";
    public static final String OVERRIDES = "OVERRIDES";
    public static final String TRADING_CONTROLS = "TRADING_CONTROLS";
    public static final String RISK_POLICY = "RISK_POLICY";
    public static final String RETURN_HISTORY = "RETURN_HISTORY";
    public static final String JOBS = "JOBS";
    public static final String MODELS = "MODELS";
    public static final String ANOMALY_SCORES = "ANOMALY_SCORES";

    /** The key of the firm-wide row of TRADING_CONTROLS. */
    public static final String FIRM = "FIRM";
    /** The key of the one row of RISK_POLICY. */
    public static final String DEFAULT_POLICY = "default";

    /** Every cache the grid holds. */
    public static final List<String> ALL = List.of(ACCOUNTS, INSTRUMENTS, PRICES, POSITIONS, LIMITS, ACCOUNT_RISK,
            ALERTS, AUDIT_LOG, FILLS, OVERRIDES, TRADING_CONTROLS, RISK_POLICY, RETURN_HISTORY, JOBS, MODELS, ANOMALY_SCORES);

    /** Days a job and its result stay in JOBS after submission. */
    public static final int JOB_RETENTION_DAYS = 7;

    /**
     * Bytes of each index key kept inside the index pages. Ids such as {@code ACC-0001:AAPL} must fit,
     * or every comparison in an index reads the row from its data page (a third of the ingest
     * commit's time with Ignite's default of 10 bytes, in a profile of {@code riskgrid bench ingest}).
     */
    public static final int INDEX_INLINE_SIZE = 64;

    /** Backups of every partitioned cache. */
    public static final int BACKUPS = 1;

    private GridTables() {
    }

    /** The configurations of every cache, ready for {@code IgniteConfiguration.setCacheConfiguration}. */
    public static List<CacheConfiguration<?, ?>> cacheConfigurations() {
        List<CacheConfiguration<?, ?>> out = new ArrayList<>();
        out.add(accountCache(ACCOUNTS, table(ACCOUNTS, "accountId", AccountRow.class)));
        out.add(replicated(INSTRUMENTS, table(INSTRUMENTS, "instrumentId", InstrumentRow.class, "sector")));
        out.add(replicated(PRICES, table(PRICES, "instrumentId", PriceRow.class)));
        out.add(accountCache(POSITIONS, table(POSITIONS, PositionKey.class, PositionRow.class, "instrumentId"))
                .setKeyConfiguration(new CacheKeyConfiguration(PositionKey.class.getName(), "accountId")));
        out.add(accountCache(LIMITS, table(LIMITS, LimitKey.class, LimitRow.class))
                .setKeyConfiguration(new CacheKeyConfiguration(LimitKey.class.getName(), "accountId")));
        out.add(accountCache(ACCOUNT_RISK, table(ACCOUNT_RISK, "accountId", AccountRiskRow.class, "riskScore", "nextExpiryAt")));
        out.add(accountCache(ALERTS, table(ALERTS, AlertKey.class, AlertRow.class, "status", "severitySince"))
                .setKeyConfiguration(new CacheKeyConfiguration(AlertKey.class.getName(), "accountId")));
        out.add(accountCache(FILLS, table(FILLS, FillKey.class, FillRow.class))
                .setKeyConfiguration(new CacheKeyConfiguration(FillKey.class.getName(), "accountId")));
        out.add(accountCache(OVERRIDES, table(OVERRIDES, OverrideKey.class, OverrideRow.class, "status"))
                .setKeyConfiguration(new CacheKeyConfiguration(OverrideKey.class.getName(), "accountId")));
        // Firm-wide controls are read by every pre-trade check on every node, and changed rarely.
        out.add(replicated(TRADING_CONTROLS, table(TRADING_CONTROLS, "scope", ControlRow.class))
                .setAtomicityMode(CacheAtomicityMode.TRANSACTIONAL));
        out.add(replicated(RISK_POLICY, table(RISK_POLICY, "name", PolicyRow.class)));
        // Market history is reference data every node estimates its risk model from, identically.
        out.add(replicated(RETURN_HISTORY, table(RETURN_HISTORY, "instrumentId", ReturnHistoryRow.class)));
        // Jobs are few and small; partitioned with a backup so a result survives a node.
        // Results are kept for a week after submission, then expire.
        out.add(accountCache(JOBS, table(JOBS, "jobId", JobRow.class, "submittedAt"))
                .setAtomicityMode(CacheAtomicityMode.ATOMIC)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.DAYS, JOB_RETENTION_DAYS))));
        // Trained models: few, read on every node that scores, so replicated.
        out.add(replicated(MODELS, table(MODELS, "modelVersion", ModelRow.class, "status")));
        // Latest anomaly score per account, written on the account's primary; losing one costs a re-score.
        out.add(accountCache(ANOMALY_SCORES, table(ANOMALY_SCORES, "accountId", AnomalyRow.class))
                .setAtomicityMode(CacheAtomicityMode.ATOMIC));
        out.add(accountCache(AUDIT_LOG, table(AUDIT_LOG, "eventId", AuditRow.class, "ts", "accountId")));
        return out;
    }

    /** The SQL column name of a Java field name: {@code avgPrice} -> {@code AVG_PRICE}, {@code var99} -> {@code VAR_99}. */
    public static String column(String field) {
        StringBuilder b = new StringBuilder(field.length() + 4);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (i > 0) {
                char prev = field.charAt(i - 1);
                boolean wordStart = Character.isUpperCase(c) && !Character.isUpperCase(prev);
                boolean numberStart = Character.isDigit(c) && !Character.isDigit(prev);
                if (wordStart || numberStart) {
                    b.append('_');
                }
            }
            b.append(Character.toUpperCase(c));
        }
        return b.toString();
    }

    private static <K, V> CacheConfiguration<K, V> accountCache(String name, QueryEntity entity) {
        return new CacheConfiguration<K, V>(name)
                .setCacheMode(CacheMode.PARTITIONED)
                .setBackups(BACKUPS)
                .setAtomicityMode(CacheAtomicityMode.TRANSACTIONAL)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
                .setPartitionLossPolicy(PartitionLossPolicy.READ_WRITE_SAFE)
                .setSqlIndexMaxInlineSize(INDEX_INLINE_SIZE)
                .setSqlSchema(SCHEMA)
                .setQueryEntities(List.of(entity));
    }

    private static <K, V> CacheConfiguration<K, V> replicated(String name, QueryEntity entity) {
        return new CacheConfiguration<K, V>(name)
                .setCacheMode(CacheMode.REPLICATED)
                .setAtomicityMode(CacheAtomicityMode.ATOMIC)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
                .setSqlIndexMaxInlineSize(INDEX_INLINE_SIZE)
                .setSqlSchema(SCHEMA)
                .setQueryEntities(List.of(entity));
    }

    /** A table whose key is a single string column. */
    private static QueryEntity table(String name, String keyField, Class<?> valueClass, String... indexed) {
        QueryEntity e = new QueryEntity(String.class.getName(), valueClass.getName()).setTableName(name);
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        fields.put(keyField, String.class.getName());
        aliases.put(keyField, column(keyField));
        e.setKeyFieldName(keyField);
        addColumns(valueClass, fields, aliases);
        return finish(e, fields, aliases, Set.of(), indexed);
    }

    /** A table whose key is a composite key class. */
    private static QueryEntity table(String name, Class<?> keyClass, Class<?> valueClass, String... indexed) {
        QueryEntity e = new QueryEntity(keyClass.getName(), valueClass.getName()).setTableName(name);
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        addColumns(keyClass, fields, aliases);
        Set<String> keyFields = new LinkedHashSet<>(fields.keySet());
        addColumns(valueClass, fields, aliases);
        return finish(e, fields, aliases, keyFields, indexed);
    }

    private static QueryEntity finish(QueryEntity e, LinkedHashMap<String, String> fields, Map<String, String> aliases,
                                      Set<String> keyFields, String... indexed) {
        e.setFields(fields).setAliases(aliases);
        if (!keyFields.isEmpty()) {
            e.setKeyFields(keyFields);
        }
        List<QueryIndex> indexes = new ArrayList<>();
        for (String f : indexed) {
            if (!fields.containsKey(f)) {
                throw new IllegalStateException("index on unknown field " + f + " of " + e.getTableName());
            }
            indexes.add(new QueryIndex(f));
        }
        return e.setIndexes(indexes);
    }

    /** Adds every instance field of a simple type as a column; arrays and other types stay out of SQL. */
    private static void addColumns(Class<?> type, Map<String, String> fields, Map<String, String> aliases) {
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            String sqlType = sqlType(f.getType());
            if (sqlType != null) {
                fields.put(f.getName(), sqlType);
                aliases.put(f.getName(), column(f.getName()));
            }
        }
    }

    private static String sqlType(Class<?> t) {
        if (t == double.class || t == Double.class) {
            return Double.class.getName();
        }
        if (t == long.class || t == Long.class) {
            return Long.class.getName();
        }
        if (t == int.class || t == Integer.class) {
            return Integer.class.getName();
        }
        if (t == boolean.class || t == Boolean.class) {
            return Boolean.class.getName();
        }
        if (t == String.class) {
            return String.class.getName();
        }
        return null;
    }

}
