package io.riskgrid.core.stress;

import io.riskgrid.core.limit.AccountExposure;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.core.limit.LimitSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Firm-wide totals, ranking of the worst accounts, and the list of accounts that would breach. */
class FirmStressResultTest {

    private static final StressBreach LOSS = new StressBreach("loss", LimitMetric.DAILY_LOSS, 6_000, 5_000, 1.2);

    private static AccountStressResult result(String accountId, double pnl, boolean breach) {
        return new AccountStressResult(accountId, pnl, 100_000, 100_000 + pnl, new double[]{pnl},
                breach ? List.of(LOSS) : List.of());
    }

    /*
     *   account  P&L      breaches
     *   A        -5,750   yes
     *   B        +2,000   no
     *   C       -10,000   yes
     *   D        -5,750   no      (ties with A; A ranks first by id)
     * Firm P&L = -5,750 + 2,000 - 10,000 - 5,750 = -19,500. Worst first: C, A, D, B.
     */
    private static final List<AccountStressResult> ACCOUNTS = List.of(
            result("D", -5_750, false), result("B", 2_000, false), result("A", -5_750, true), result("C", -10_000, true));

    @Test
    void firmPnlIsTheSumAndTheWorstAccountsComeFirst() {
        FirmStressResult f = FirmStressResult.of("equities -20%, tech -35%", ACCOUNTS, 3);
        assertThat(f.scenario()).isEqualTo("equities -20%, tech -35%");
        assertThat(f.pnl()).isCloseTo(-19_500, within(1e-9));
        assertThat(f.accounts()).isEqualTo(4);
        assertThat(f.worst()).extracting(AccountStressResult::accountId).containsExactly("C", "A", "D");
        assertThat(f.breachingAccounts()).containsExactly("C", "A");
    }

    @Test
    void worstCountBeyondTheNumberOfAccountsKeepsThemAllAndZeroKeepsNone() {
        assertThat(FirmStressResult.of("s", ACCOUNTS, 10).worst()).extracting(AccountStressResult::accountId)
                .containsExactly("C", "A", "D", "B");
        FirmStressResult none = FirmStressResult.of("s", ACCOUNTS, 0);
        assertThat(none.worst()).isEmpty();
        // The totals and the breach list do not depend on how many worst accounts are kept.
        assertThat(none.pnl()).isCloseTo(-19_500, within(1e-9));
        assertThat(none.breachingAccounts()).containsExactly("C", "A");
    }

    @Test
    void noAccountsIsAFirmThatLosesNothing() {
        FirmStressResult f = FirmStressResult.of("s", List.of(), 5);
        assertThat(f.pnl()).isEqualTo(0.0);
        assertThat(f.accounts()).isZero();
        assertThat(f.worst()).isEmpty();
        assertThat(f.breachingAccounts()).isEmpty();
    }

    @Test
    void anAccountCountedTwiceIsRejected() {
        assertThatThrownBy(() -> FirmStressResult.of("s", List.of(result("A", -1, false), result("A", -2, false)), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("account 'A' appears twice");
        assertThatThrownBy(() -> FirmStressResult.of("s", ACCOUNTS, -1))
                .hasMessageContaining("worstCount must be zero or positive, was -1");
    }

    @Test
    void stressingTwoBooksAndAggregatingThem() {
        /*
         * "equities -20%, tech -35%", every instrument an equity:
         *   ACC-1: AAPL (TECH) +15,000 * -0.35 = -5,250; JPM (FINANCIALS) +20,000 * -0.20 = -4,000 -> -9,250
         *          equity 100,000 -> 90,750; daily loss limit 8,000: 9,250 / 8,000 = 1.156 -> breach
         *   ACC-2: MSFT (TECH) -10,000 * -0.35 = +3,500 -> +3,500, no limits
         * Firm: -9,250 + 3,500 = -5,750; worst ACC-1 then ACC-2; ACC-1 breaches.
         */
        StressScenario s = StressScenario.of("equities -20%, tech -35%", Shock.assetClass("equity", -0.20),
                Shock.sector("tech", -0.35));
        AccountExposure one = new AccountExposure().account(100_000, 0, 0, Double.NaN)
                .add("AAPL", "TECH", 100, 15_000).add("JPM", "FINANCIALS", 200, 20_000);
        AccountExposure two = new AccountExposure().account(50_000, 0, 0, Double.NaN).add("MSFT", "TECH", -40, -10_000);
        LimitSet loss = LimitSet.of(List.of(
                new AccountLimit("ACC-1", "loss", LimitScope.ACCOUNT, null, LimitMetric.DAILY_LOSS, 8_000, 0.8)));
        AccountStressResult r1 = StressTest.DEFAULT.account("ACC-1", s, one, loss, id -> "EQUITY");
        AccountStressResult r2 = StressTest.DEFAULT.account("ACC-2", s, two, LimitSet.EMPTY, id -> "EQUITY");
        FirmStressResult f = FirmStressResult.of(s.name(), List.of(r2, r1), 10);
        assertThat(r1.equityAfter()).isCloseTo(90_750, within(1e-9));
        assertThat(f.pnl()).isCloseTo(-5_750, within(1e-9));
        assertThat(f.worst()).extracting(AccountStressResult::accountId).containsExactly("ACC-1", "ACC-2");
        assertThat(f.breachingAccounts()).containsExactly("ACC-1");
        assertThat(f.worst().get(0).breaches().get(0).utilization()).isCloseTo(9_250.0 / 8_000, within(1e-12));
    }
}
