package io.riskgrid.api.limit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.riskgrid.api.error.InputProblem;
import io.riskgrid.core.Guard;
import io.riskgrid.core.control.RiskPolicy;
import io.riskgrid.core.limit.AccountLimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The risk limits and the risk policy a firm loads at start, read from a YAML file laid out the way
 * risk managers write them: limits grouped into position, notional and drawdown limits, the firm's
 * circuit breakers and alert settings, and per-account sections that override the defaults.
 * <p>
 * Every section and key is optional; an empty file means no limits and {@link RiskPolicy#DEFAULT}.
 * Unknown keys are errors, so a misspelt limit is never silently ignored. Numbers are plain YAML
 * numbers ({@code 4000000}, {@code 4_000_000}, {@code 4.0e6}); a quoted number is rejected. Fractions
 * are written as fractions ({@code 0.35}, not {@code 35%}). Anchors and aliases are not supported.
 * <pre>{@code
 * position_limits:
 *   max_position_qty: 50000        # largest |quantity| of one position     id POSITION_QTY
 *   max_concentration: 0.35        # largest instrument share of gross      id CONCENTRATION
 *   instruments:                   # INSTRUMENT scope, id INSTRUMENT:<instrument>:<METRIC>
 *     AAPL: {max_position_qty: 10000, max_gross_notional: 2000000, max_net_notional: 1500000, max_concentration: 0.5}
 *   sectors:                       # SECTOR scope, id SECTOR:<sector>:<METRIC>
 *     TECH: {max_gross_notional: 3000000, max_net_notional: 2000000, max_position_qty: 40000, max_concentration: 0.6}
 * notional_limits:
 *   max_gross_notional: 4000000    # id GROSS
 *   max_net_notional: 2000000      # id NET
 *   max_leverage: 4.0              # id LEVERAGE
 *   max_var_99: 50000              # one-day 99% VaR, an amount             id VAR99
 * drawdown_limits:
 *   max_daily_loss: 30000          # an amount                              id DAILY_LOSS
 *   max_drawdown: 0.15             # a fraction of peak equity              id DRAWDOWN
 *   reduce_size_at: 0.05           # drawdown tiers (firm-wide, see DrawdownTiers)
 *   reducing_at: 0.10
 *   halt_at: 0.15
 *   sizing_factor: 0.5
 * circuit_breakers:                # firm-wide, see CircuitBreakers
 *   total_loss_fraction: 0.05
 *   rapid_loss: {fraction: 0.02, window_seconds: 60}
 *   critical_alert_cascade: {count: 10, window_seconds: 60}
 * alert_configuration:             # see AlertPolicy
 *   warn_at: 0.8                   # warn level of every limit of this file
 *   severity_thresholds: {low: 0.5, medium: 0.75, high: 0.9, critical: 1.0}
 *   hysteresis: 0.05
 *   escalation: {high_after_seconds: 300, critical_after_seconds: 60}
 * accounts:
 *   ACC-001:                       # position_limits, notional_limits, drawdown_limits (max_* keys only), warn_at
 *     warn_at: 0.9
 *     notional_limits: {max_gross_notional: 8000000}
 * }</pre>
 * The sections outside {@code accounts} give every account's default limits, all of ACCOUNT scope
 * except those under {@code instruments} and {@code sectors}. A section under {@code accounts}
 * replaces a default limit of the same limit id for that account and may add limits of its own.
 * Each limit warns at {@code alert_configuration.warn_at}, or {@link AccountLimit#DEFAULT_WARN_AT}
 * when it is absent; an account's own {@code warn_at} applies to every limit of that account,
 * defaults included. Drawdown tiers, circuit breakers and alert settings are firm-wide and are
 * rejected inside an account section. Any part of the policy the file leaves out keeps its value
 * from {@link RiskPolicy#DEFAULT}, key by key.
 * <p>
 * Values are checked by the domain records themselves ({@link AccountLimit}, the parts of
 * {@link RiskPolicy}); their complaints are reported with the YAML path at fault, and every problem
 * of the file is reported together in one {@link LimitsFileException}.
 * <p>
 * This class is immutable and thread-safe.
 */
public final class LimitsFile {

    /** Configured once; a configured mapper is thread-safe. Duplicate keys are errors, not "last wins". */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final RiskPolicy policy;
    /** Default limits with a placeholder account id; {@link #limitsFor} stamps the real one. */
    private final List<AccountLimit> defaultLimits;
    /** The complete limits of each account with a section of its own, in file order. */
    private final Map<String, List<AccountLimit>> accountLimits;

    LimitsFile(RiskPolicy policy, List<AccountLimit> defaultLimits, Map<String, List<AccountLimit>> accountLimits) {
        this.policy = policy;
        this.defaultLimits = List.copyOf(defaultLimits);
        Map<String, List<AccountLimit>> copy = new LinkedHashMap<>();
        accountLimits.forEach((account, limits) -> copy.put(account, List.copyOf(limits)));
        this.accountLimits = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads a limits file (UTF-8).
     *
     * @throws LimitsFileException when the file cannot be read or is not a valid limits file
     */
    public static LimitsFile read(Path file) {
        Guard.notNull(file, "file");
        String source = file.toString();
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LimitsFileException(source, List.of(new InputProblem(null, "no such file")), e);
        } catch (CharacterCodingException e) {
            throw new LimitsFileException(source, List.of(new InputProblem(null, "is not UTF-8 text")), e);
        } catch (IOException e) {
            throw new LimitsFileException(source, List.of(new InputProblem(null,
                    "cannot be read (" + e.getClass().getSimpleName() + ")")), e);
        }
        return parse(yaml, source);
    }

    /**
     * Parses the text of a limits file.
     *
     * @param yaml       the file's text
     * @param sourceName what to call the file in error messages, e.g. {@code limits.yaml}
     * @throws LimitsFileException when the text is not a valid limits file
     */
    public static LimitsFile parse(String yaml, String sourceName) {
        Guard.notNull(yaml, "yaml");
        Guard.notBlank(sourceName, "sourceName");
        JsonNode root;
        try (JsonParser parser = YAML.createParser(yaml)) {
            root = parser.readValueAsTree();
            // A second document would otherwise be ignored without a word.
            if (root != null && parser.nextToken() != null) {
                throw new LimitsFileException(sourceName, List.of(new InputProblem(null,
                        "holds more than one YAML document (---); put every section in one document")), null);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new LimitsFileException(sourceName, List.of(new InputProblem(null,
                    "is not valid YAML" + where + ": " + complaint(e))), e);
        } catch (IOException e) {
            // Reading from a String does no I/O.
            throw new UncheckedIOException(e);
        }
        LimitsFileReader reader = new LimitsFileReader();
        LimitsFile file = reader.read(root);
        if (!reader.problems().isEmpty()) {
            throw new LimitsFileException(sourceName, reader.problems(), null);
        }
        return file;
    }

    /**
     * The YAML parser's complaint on one line, without the excerpts of the file that it quotes
     * (indented lines) and that would make a message listing several problems hard to read.
     */
    private static String complaint(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        String kept = original.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::trim)
                .collect(Collectors.joining(", "));
        return kept.isEmpty() ? original.replaceAll("\\s+", " ").trim() : kept;
    }

    /** The firm's risk policy: the file's alert settings, drawdown tiers and circuit breakers, defaults where absent. */
    public RiskPolicy policy() {
        return policy;
    }

    /**
     * Every limit of an account: the file's default limits, with those of the account's own section
     * in place of defaults of the same limit id, followed by the account's other limits. An account
     * without a section of its own gets the defaults.
     */
    public List<AccountLimit> limitsFor(String accountId) {
        Guard.notBlank(accountId, "accountId");
        List<AccountLimit> own = accountLimits.get(accountId);
        if (own != null) {
            return own;
        }
        List<AccountLimit> limits = new ArrayList<>(defaultLimits.size());
        for (AccountLimit l : defaultLimits) {
            limits.add(new AccountLimit(accountId, l.limitId(), l.scope(), l.target(), l.metric(), l.maxValue(), l.warnAt()));
        }
        return List.copyOf(limits);
    }

    /** The accounts that have a section of their own under {@code accounts}, in file order. */
    public Set<String> namedAccounts() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(accountLimits.keySet()));
    }
}
