package io.riskgrid.core.pretrade;

import io.riskgrid.core.account.TradingState;
import io.riskgrid.core.control.DrawdownTier;
import io.riskgrid.core.limit.AccountExposure;
import io.riskgrid.core.limit.AccountLimit;
import io.riskgrid.core.limit.LimitMetric;
import io.riskgrid.core.limit.LimitScope;
import io.riskgrid.core.limit.LimitSet;
import io.riskgrid.core.position.Side;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pre-trade check against small hand-computed books. Unless a test says otherwise the book is
 * A (TECH) long 100 at 10 = 1,000 and B (ENERGY) long 40 at 50 = 2,000: gross 3,000, net 3,000, on
 * equity 10,000, with contract size 1, and the firm and the account are ACTIVE.
 */
class PreTradeCheckTest {

    private static final PreTradeCheck CHECK = PreTradeCheck.DEFAULT;
    private static final double EPS = 1e-9;
    private static final TradingState ACTIVE = TradingState.ACTIVE;
    private static final TradingState REDUCING = TradingState.REDUCING;
    private static final TradingState HALTED = TradingState.HALTED;

    private final PreTradeResult out = new PreTradeResult();

    @Test
    void anotherInstrumentsBreachedLimitDoesNotStopAnOrderThatLeavesItAlone() {
        // B's quantity 40 of a max of 20: utilization 2.0, already breached.
        LimitSet limits = limits(scoped("B-QTY", LimitScope.INSTRUMENT, "B", LimitMetric.POSITION_QTY, 20));
        // Buying 10 A leaves B at 40: 2.0 before and after, so the order does not worsen that limit.
        assertThat(order(book(), limits, Side.BUY, "A", 10, 10)).isTrue();
        assertUtilization(0, 2.0, 2.0);
        // Buying 1 more B: 41 / 20 = 2.05 > 1 and worse than before: rejected.
        assertThat(order(book(), limits, Side.BUY, "B", 1, 50)).isFalse();
        assertThat(out.reason(0)).isEqualTo(PreTradeReason.LIMIT_BREACH);
    }

    @Test
    void approvesAnOrderWithinEveryLimit() {
        LimitSet limits = limits(
                account("GROSS", LimitMetric.GROSS_NOTIONAL, 4_000),
                account("NET", LimitMetric.NET_NOTIONAL, 5_000),
                account("CONCENTRATION", LimitMetric.CONCENTRATION, 0.7),
                account("LEVERAGE", LimitMetric.LEVERAGE, 1));

        // Buy 20 A at 10: A becomes 120 x 10 = 1,200; gross and net 1,200 + 2,000 = 3,200.
        boolean approved = order(book(), limits, Side.BUY, "A", 20, 10);

        assertThat(approved).isTrue();
        assertThat(out.approved()).isTrue();
        assertThat(out.reasonCount()).isZero();
        assertThat(out.riskIncreasing()).isTrue();
        assertThat(out.quantityBefore()).isEqualTo(100);
        assertThat(out.quantityAfter()).isEqualTo(120);
        assertThat(out.tradingState()).isEqualTo(ACTIVE);
        assertThat(out.limitCount()).isEqualTo(4);
        // Gross 3,000 / 4,000 = 0.75 -> 3,200 / 4,000 = 0.8.
        assertUtilization(0, 0.75, 0.8);
        // Net 3,000 / 5,000 = 0.6 -> 3,200 / 5,000 = 0.64.
        assertUtilization(1, 0.6, 0.64);
        // Largest share B: 2,000 / 3,000 = 0.666667, / 0.7 = 0.952381 -> 2,000 / 3,200 = 0.625, / 0.7 = 0.892857.
        assertUtilization(2, 0.952381, 0.892857);
        // Leverage 3,000 / 10,000 = 0.3 -> 3,200 / 10,000 = 0.32, against a max of 1.
        assertUtilization(3, 0.3, 0.32);
    }

    @Test
    void rejectsAGrossNotionalBreach() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 3_000));

        // Gross after = |100 + 50| x 10 + 2,000 = 3,500; / 3,000 = 1.166667. Before: 3,000 / 3,000 = 1.
        assertThat(order(book(), limits, Side.BUY, "A", 50, 10)).isFalse();

        assertThat(out.approved()).isFalse();
        assertUtilization(0, 1.0, 1.166667);
        assertThat(out.reasonCount()).isEqualTo(1);
        assertThat(out.reason(0)).isEqualTo(PreTradeReason.LIMIT_BREACH);
        assertThat(out.reasonLimit(0)).isZero();
        assertThat(out.reasonUtilizationAfter(0)).isCloseTo(3_500.0 / 3_000.0, within(EPS));
        assertThat(out.reasonCap(0)).isEqualTo(1.0);
        assertThat(out.describeReasons(limits))
                .containsExactly("limit GROSS (GROSS_NOTIONAL): utilization after the order 1.17 exceeds 1.00");
    }

    @Test
    void positionAfterTheOrderIsValuedAtTheOrderPrice() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 3_300));

        // Buy 10 A at 12: the whole 110 is valued at 12 = 1,320, so gross 1,320 + 2,000 = 3,320;
        // / 3,300 = 1.006061. At the book's mark of 10 it would have been 3,100 and passed.
        assertThat(order(book(), limits, Side.BUY, "A", 10, 12)).isFalse();
        assertThat(out.reasonUtilizationAfter(0)).isCloseTo(3_320.0 / 3_300.0, within(EPS));
    }

    @Test
    void reducingOrderPassesWhileALimitIsStillBreached() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 2_500));

        // Before: 3,000 / 2,500 = 1.2. Sell 20 A: 80 x 10 + 2,000 = 2,800; / 2,500 = 1.12, still above 1 but lower.
        assertThat(order(book(), limits, Side.SELL, "A", 20, 10)).isTrue();
        assertThat(out.riskIncreasing()).isFalse();
        assertUtilization(0, 1.2, 1.12);

        // Buying a single A is risk-increasing: 101 x 10 + 2,000 = 3,010; / 2,500 = 1.204.
        assertThat(order(book(), limits, Side.BUY, "A", 1, 10)).isFalse();
        assertThat(out.reason(0)).isEqualTo(PreTradeReason.LIMIT_BREACH);
        assertThat(out.reasonUtilizationAfter(0)).isCloseTo(1.204, within(EPS));
    }

    @Test
    void haltedAccountRejectsEvenAReducingOrder() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 4_000));

        assertThat(check(book(), limits, HALTED, ACTIVE, Side.SELL, "A", 20, 10)).isFalse();

        assertThat(out.riskIncreasing()).isFalse();
        assertThat(out.tradingState()).isEqualTo(HALTED);
        assertThat(out.reasonCount()).isEqualTo(1);
        assertThat(out.reason(0)).isEqualTo(PreTradeReason.ACCOUNT_HALTED);
        assertThat(out.reasonLimit(0)).isEqualTo(-1);
        assertThat(out.reasonUtilizationAfter(0)).isNaN();
        assertThat(out.reasonCap(0)).isNaN();
        // The limits are still reported: 80 x 10 + 2,000 = 2,800; / 4,000 = 0.7.
        assertUtilization(0, 0.75, 0.7);
        assertThat(out.describeReasons(limits)).containsExactly("account is HALTED: no order may pass");
    }

    @Test
    void reducingAccountRejectsIncreasingOrdersAndApprovesReducingOnes() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 4_000));

        // Buy 20 A: within the gross limit (3,200 / 4,000 = 0.8), but it grows the position.
        assertThat(check(book(), limits, REDUCING, ACTIVE, Side.BUY, "A", 20, 10)).isFalse();
        assertThat(out.tradingState()).isEqualTo(REDUCING);
        assertThat(reasons()).containsExactly(PreTradeReason.ACCOUNT_REDUCING);
        assertThat(out.describeReasons(limits)).containsExactly("account is REDUCING: only risk-reducing orders may pass");

        assertThat(check(book(), limits, REDUCING, ACTIVE, Side.SELL, "A", 20, 10)).isTrue();
        // Closing B entirely: 40 - 40 = 0.
        assertThat(check(book(), limits, REDUCING, ACTIVE, Side.SELL, "B", 40, 50)).isTrue();
        assertThat(out.quantityAfter()).isZero();
    }

    @Test
    void firmHaltOverridesAnActiveAccount() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 4_000));

        assertThat(check(book(), limits, ACTIVE, HALTED, Side.SELL, "A", 20, 10)).isFalse();
        assertThat(out.tradingState()).isEqualTo(HALTED);
        assertThat(reasons()).containsExactly(PreTradeReason.FIRM_HALTED);
        assertThat(out.describeReasons(limits)).containsExactly("firm is HALTED: no order may pass");

        // Each restriction that would reject the order on its own is reported, the firm's first.
        assertThat(check(book(), limits, HALTED, HALTED, Side.SELL, "A", 20, 10)).isFalse();
        assertThat(reasons()).containsExactly(PreTradeReason.FIRM_HALTED, PreTradeReason.ACCOUNT_HALTED);
        assertThat(check(book(), limits, REDUCING, HALTED, Side.BUY, "A", 20, 10)).isFalse();
        assertThat(reasons()).containsExactly(PreTradeReason.FIRM_HALTED, PreTradeReason.ACCOUNT_REDUCING);
    }

    @Test
    void firmReducingRejectsIncreasingOrdersOfAnActiveAccount() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 4_000));

        assertThat(check(book(), limits, ACTIVE, REDUCING, Side.BUY, "A", 20, 10)).isFalse();
        assertThat(out.tradingState()).isEqualTo(REDUCING);
        assertThat(reasons()).containsExactly(PreTradeReason.FIRM_REDUCING);
        assertThat(check(book(), limits, ACTIVE, REDUCING, Side.SELL, "A", 20, 10)).isTrue();
    }

    @Test
    void missingStatesCountAsActive() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 4_000));

        assertThat(check(book(), limits, null, null, Side.BUY, "A", 20, 10)).isTrue();
        assertThat(out.tradingState()).isEqualTo(ACTIVE);
    }

    @Test
    void reduceSizeTierCapsRiskIncreasingOrdersAtTheSizingFactor() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 8_000));

        // Buy 50 A: 150 x 10 + 2,000 = 3,500; / 8,000 = 0.4375, within the 0.5 cap.
        assertThat(sized(book(), limits, DrawdownTier.REDUCE_SIZE, 0.5, Side.BUY, 50)).isTrue();
        assertUtilization(0, 0.375, 0.4375);

        // Buy 150 A: 250 x 10 + 2,000 = 4,500; / 8,000 = 0.5625, above 0.5 though well within the limit.
        assertThat(sized(book(), limits, DrawdownTier.REDUCE_SIZE, 0.5, Side.BUY, 150)).isFalse();
        assertThat(reasons()).containsExactly(PreTradeReason.SIZING_REDUCED);
        assertThat(out.reasonLimit(0)).isZero();
        assertThat(out.reasonUtilizationAfter(0)).isCloseTo(0.5625, within(EPS));
        assertThat(out.reasonCap(0)).isEqualTo(0.5);
        assertThat(out.describeReasons(limits)).containsExactly("limit GROSS (GROSS_NOTIONAL): utilization after the order 0.56"
                + " exceeds 0.50, the cap on risk-increasing orders in the REDUCE_SIZE drawdown tier");

        // The same order outside the tier passes; the sizing factor is then ignored, even if it is not a number.
        assertThat(sized(book(), limits, DrawdownTier.NONE, Double.NaN, Side.BUY, 150)).isTrue();
    }

    @Test
    void reduceSizeTierLetsReducingOrdersThroughAboveTheSizingFactor() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 5_000));

        // Before 3,000 / 5,000 = 0.6. Sell 20 A: 2,800 / 5,000 = 0.56, still above 0.5 but reducing.
        assertThat(sized(book(), limits, DrawdownTier.REDUCE_SIZE, 0.5, Side.SELL, 20)).isTrue();
        assertUtilization(0, 0.6, 0.56);
    }

    @Test
    void reduceSizeTierNeedsAValidSizingFactor() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 8_000));

        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> sized(book(), limits, DrawdownTier.REDUCE_SIZE, bad, Side.BUY, 50))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sizingFactor");
        }
    }

    @Test
    void orderInAnInstrumentNotInTheBookIsCheckedAndTheBookIsLeftAsItWas() {
        LimitSet limits = limits(
                account("GROSS", LimitMetric.GROSS_NOTIONAL, 4_000),
                scoped("TECH-GROSS", LimitScope.SECTOR, "TECH", LimitMetric.GROSS_NOTIONAL, 1_500));
        AccountExposure book = book();

        // Buy 30 N (TECH) at 20 = 600. Gross 3,000 + 600 = 3,600; / 4,000 = 0.9.
        // TECH gross: A 1,000 -> 1,000 + 600 = 1,600; / 1,500 = 1.066667 (before 0.666667).
        assertThat(check(book, limits, ACTIVE, ACTIVE, "N", "TECH", Side.BUY, 30, 20)).isFalse();
        assertThat(out.quantityBefore()).isZero();
        assertThat(out.quantityAfter()).isEqualTo(30);
        assertThat(out.riskIncreasing()).isTrue();
        assertUtilization(0, 0.75, 0.9);
        assertUtilization(1, 0.666667, 1.066667);
        assertThat(reasons()).containsExactly(PreTradeReason.LIMIT_BREACH);
        assertThat(out.reasonLimit(0)).isEqualTo(1);
        assertBookUnchanged(book);

        // The same order in an ENERGY instrument leaves the TECH limit at 1,000 / 1,500.
        assertThat(check(book, limits, ACTIVE, ACTIVE, "N", "ENERGY", Side.BUY, 30, 20)).isTrue();
        assertUtilization(1, 0.666667, 0.666667);
        assertBookUnchanged(book);

        // A book at full capacity grows for the extra slot and still ends as it was.
        AccountExposure full = new AccountExposure(2)
                .add("A", "TECH", 100, 1_000)
                .add("B", "ENERGY", 40, 2_000)
                .account(10_000, 0, 0, Double.NaN);
        assertThat(check(full, limits, ACTIVE, ACTIVE, "N", "TECH", Side.BUY, 30, 20)).isFalse();
        assertBookUnchanged(full);
    }

    @Test
    void instrumentAndSectorLimitsCountOnlyTheirPositions() {
        // A (TECH) long 100 at 10 = 1,000; B (ENERGY) long 40 at 50 = 2,000; C (TECH) short 30 at 20 = -600.
        AccountExposure book = book().add("C", "TECH", -30, -600);
        LimitSet limits = limits(
                scoped("A-QTY", LimitScope.INSTRUMENT, "A", LimitMetric.POSITION_QTY, 150),
                scoped("TECH-GROSS", LimitScope.SECTOR, "TECH", LimitMetric.GROSS_NOTIONAL, 2_000),
                scoped("TECH-NET", LimitScope.SECTOR, "TECH", LimitMetric.NET_NOTIONAL, 1_000));

        // Buy 60 A at 10: A 160 > 150 -> 160 / 150 = 1.066667. TECH gross 1,600 + 600 = 2,200; / 2,000 = 1.1.
        // TECH net 1,600 - 600 = 1,000; / 1,000 = 1.0, at the limit but not above it.
        assertThat(order(book, limits, Side.BUY, "A", 60, 10)).isFalse();
        assertUtilization(0, 0.666667, 1.066667);
        // Before: TECH gross 1,000 + 600 = 1,600 / 2,000 = 0.8; TECH net |1,000 - 600| = 400 / 1,000 = 0.4.
        assertUtilization(1, 0.8, 1.1);
        assertUtilization(2, 0.4, 1.0);
        assertThat(reasons()).containsExactly(PreTradeReason.LIMIT_BREACH, PreTradeReason.LIMIT_BREACH);
        assertThat(out.reasonLimit(0)).isZero();
        assertThat(out.reasonLimit(1)).isEqualTo(1);
        assertThat(out.describeReasons(limits)).containsExactly(
                "limit A-QTY (POSITION_QTY, INSTRUMENT A): utilization after the order 1.07 exceeds 1.00",
                "limit TECH-GROSS (GROSS_NOTIONAL, SECTOR TECH): utilization after the order 1.10 exceeds 1.00");

        // Buy 10 B (ENERGY) at 50: none of these limits sees B, so they stay at 0.666667, 0.8 and 0.4.
        assertThat(order(book, limits, Side.BUY, "B", 10, 50)).isTrue();
        assertUtilization(0, 0.666667, 0.666667);
        assertUtilization(1, 0.8, 0.8);
        assertUtilization(2, 0.4, 0.4);
    }

    @Test
    void flipThroughZeroIsRiskIncreasing() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 4_000));

        // Long 100, sell 150: short 50. |-50| < |100|, but the position changes side.
        assertThat(check(book(), limits, REDUCING, ACTIVE, Side.SELL, "A", 150, 10)).isFalse();
        assertThat(out.quantityAfter()).isEqualTo(-50);
        assertThat(out.riskIncreasing()).isTrue();
        assertThat(reasons()).containsExactly(PreTradeReason.ACCOUNT_REDUCING);

        // Long 100, sell 100: flat; sell 60: long 40. Both reduce.
        assertThat(check(book(), limits, REDUCING, ACTIVE, Side.SELL, "A", 100, 10)).isTrue();
        assertThat(check(book(), limits, REDUCING, ACTIVE, Side.SELL, "A", 60, 10)).isTrue();

        // Short 30, buy 40: long 10, a flip the other way.
        AccountExposure shortBook = book().add("C", "TECH", -30, -600);
        assertThat(check(shortBook, limits, REDUCING, ACTIVE, Side.BUY, "C", 40, 20)).isFalse();
        assertThat(out.quantityAfter()).isEqualTo(10);
        assertThat(out.riskIncreasing()).isTrue();
    }

    @Test
    void closingAFractionalPositionIsNotAFlip() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 4_000));
        // 0.3 - (0.1 + 0.2) is -5.6e-17 in doubles; it closes the position, as PositionMath would.
        AccountExposure book = book().add("F", "TECH", 0.3, 3);

        assertThat(check(book, limits, REDUCING, ACTIVE, Side.SELL, "F", 0.1 + 0.2, 10)).isTrue();
        assertThat(out.quantityAfter()).isZero();
        assertThat(out.riskIncreasing()).isFalse();
    }

    @Test
    void unknownVarNeverRejects() {
        LimitSet limits = limits(account("VAR99", LimitMetric.VAR_99, 500));

        // The book's VaR is NaN (not computed yet): even a large buy passes, and the utilization reads NaN.
        assertThat(order(book(), limits, Side.BUY, "A", 1_000, 10)).isTrue();
        assertThat(out.utilizationBefore(0)).isNaN();
        assertThat(out.utilizationAfter(0)).isNaN();

        // Once known, VaR 600 / 500 = 1.2 is over the limit: a risk-increasing order is rejected...
        AccountExposure known = book().account(10_000, 0, 0, 600);
        assertThat(order(known, limits, Side.BUY, "A", 1, 10)).isFalse();
        assertThat(out.reasonUtilizationAfter(0)).isCloseTo(1.2, within(EPS));
        assertThat(out.describeReasons(limits)).containsExactly(
                "limit VAR99 (VAR_99): utilization 1.20 already exceeds 1.00; only risk-reducing orders may pass");
        // ...and a reducing one passes.
        assertThat(order(known, limits, Side.SELL, "A", 1, 10)).isTrue();
    }

    @Test
    void lossAndDrawdownLimitsBlockOnlyRiskIncreasingOrdersOnceOver() {
        LimitSet limits = limits(
                account("DAILY_LOSS", LimitMetric.DAILY_LOSS, 300),
                account("DRAWDOWN", LimitMetric.DRAWDOWN, 0.15));
        // Daily P&L -450: loss 450 / 300 = 1.5. Drawdown 0.12 / 0.15 = 0.8. No order changes either.
        AccountExposure book = book().account(10_000, -450, 0.12, Double.NaN);

        assertThat(order(book, limits, Side.BUY, "A", 1, 10)).isFalse();
        assertUtilization(0, 1.5, 1.5);
        assertUtilization(1, 0.8, 0.8);
        assertThat(reasons()).containsExactly(PreTradeReason.LIMIT_BREACH);
        assertThat(out.reasonLimit(0)).isZero();

        assertThat(order(book, limits, Side.SELL, "A", 1, 10)).isTrue();

        // In the REDUCE_SIZE tier the drawdown's 0.8 is above a 0.5 cap too.
        assertThat(check(book, limits, ACTIVE, ACTIVE, DrawdownTier.REDUCE_SIZE, 0.5, "A", "TECH", Side.BUY, 1, 10, 1))
                .isFalse();
        assertThat(reasons()).containsExactly(PreTradeReason.SIZING_REDUCED, PreTradeReason.SIZING_REDUCED);
        assertThat(out.reasonLimit(1)).isEqualTo(1);
        assertThat(out.describeReasons(limits).get(1)).isEqualTo("limit DRAWDOWN (DRAWDOWN): utilization 0.80 already"
                + " exceeds 0.50, the cap on risk-increasing orders in the REDUCE_SIZE drawdown tier;"
                + " only risk-reducing orders may pass");
    }

    @Test
    void contractSizeScalesTheMarketValue() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 4_000));

        // Buy 10 A at 10 with contract size 5: 110 x 10 x 5 = 5,500; gross 5,500 + 2,000 = 7,500; / 4,000 = 1.875.
        assertThat(check(book(), limits, ACTIVE, ACTIVE, DrawdownTier.NONE, 1, "A", "TECH", Side.BUY, 10, 10, 5)).isFalse();
        assertThat(out.reasonUtilizationAfter(0)).isCloseTo(1.875, within(EPS));
    }

    @Test
    void badOrderFieldsThrowNamingTheField() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 4_000));
        double[] bad = {0, -1, Double.NaN, Double.POSITIVE_INFINITY};
        for (double x : bad) {
            assertThatThrownBy(() -> check(book(), limits, ACTIVE, ACTIVE, DrawdownTier.NONE, 1, "A", "TECH", Side.BUY, x, 10, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
            assertThatThrownBy(() -> check(book(), limits, ACTIVE, ACTIVE, DrawdownTier.NONE, 1, "A", "TECH", Side.BUY, 10, x, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price");
            assertThatThrownBy(() -> check(book(), limits, ACTIVE, ACTIVE, DrawdownTier.NONE, 1, "A", "TECH", Side.BUY, 10, 10, x))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contractSize");
        }
        assertThatThrownBy(() -> check(book(), limits, ACTIVE, ACTIVE, DrawdownTier.NONE, 1, "A", "TECH", null, 10, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("side");
        assertThatThrownBy(() -> check(book(), limits, ACTIVE, ACTIVE, DrawdownTier.NONE, 1, " ", "TECH", Side.BUY, 10, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instrumentId");
    }

    @Test
    void resultIsOverwrittenByEachCheckAndGrowsPastItsCapacity() {
        PreTradeResult small = new PreTradeResult(1);
        LimitSet limits = limits(
                account("GROSS", LimitMetric.GROSS_NOTIONAL, 3_000),
                account("NET", LimitMetric.NET_NOTIONAL, 3_000),
                account("LEVERAGE", LimitMetric.LEVERAGE, 0.3));

        // Buy 50 A: gross = net = 3,500 (/ 3,000 = 1.166667 each), leverage 0.35 / 0.3 = 1.166667: three
        // limit reasons plus the account's HALTED, more than a capacity of 1 holds.
        assertThat(CHECK.check(book(), limits, HALTED, ACTIVE, DrawdownTier.NONE, 1, "A", "TECH", Side.BUY, 50, 10, 1, small))
                .isFalse();
        assertThat(small.limitCount()).isEqualTo(3);
        assertThat(small.reasonCount()).isEqualTo(4);
        assertThat(small.reason(0)).isEqualTo(PreTradeReason.ACCOUNT_HALTED);
        assertThat(small.reasonLimit(3)).isEqualTo(2);
        assertThat(small.reasonUtilizationAfter(3)).isCloseTo(0.35 / 0.3, within(EPS));

        // Sell 50 A: every reason of the last check is gone.
        assertThat(CHECK.check(book(), limits, ACTIVE, ACTIVE, DrawdownTier.NONE, 1, "A", "TECH", Side.SELL, 50, 10, 1, small))
                .isTrue();
        assertThat(small.reasonCount()).isZero();
        assertThatThrownBy(() -> small.reason(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> small.utilizationAfter(3)).isInstanceOf(IndexOutOfBoundsException.class);

        small.reset();
        assertThat(small.approved()).isFalse();
        assertThat(small.limitCount()).isZero();
        assertThat(small.tradingState()).isNull();
    }

    @Test
    void describingReasonsNeedsTheLimitsOfTheCheck() {
        LimitSet limits = limits(account("GROSS", LimitMetric.GROSS_NOTIONAL, 3_000));
        order(book(), limits, Side.BUY, "A", 50, 10);

        assertThatThrownBy(() -> out.describeReasons(LimitSet.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limits");
    }

    @Test
    void checkAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
        long thread = Thread.currentThread().getId();

        // Twenty positions in five sectors, ACCOUNT, INSTRUMENT and SECTOR limits, and orders that are
        // approved, rejected on limits, rejected on state, and in an instrument the book does not hold.
        AccountExposure book = new AccountExposure(32).account(1_000_000, -5_000, 0.02, 20_000);
        for (int i = 0; i < 20; i++) {
            book.add("I" + i, "S" + i % 5, (i % 2 == 0 ? 1 : -1) * 100.0 * (i + 1), (i % 2 == 0 ? 1 : -1) * 10_000.0 * (i + 1));
        }
        LimitSet limits = limits(
                account("GROSS", LimitMetric.GROSS_NOTIONAL, 4_000_000),
                account("NET", LimitMetric.NET_NOTIONAL, 2_000_000),
                account("LEVERAGE", LimitMetric.LEVERAGE, 4),
                account("CONCENTRATION", LimitMetric.CONCENTRATION, 0.35),
                account("DAILY_LOSS", LimitMetric.DAILY_LOSS, 30_000),
                account("DRAWDOWN", LimitMetric.DRAWDOWN, 0.15),
                account("VAR99", LimitMetric.VAR_99, 50_000),
                scoped("I0-QTY", LimitScope.INSTRUMENT, "I0", LimitMetric.POSITION_QTY, 5_000),
                scoped("S0-GROSS", LimitScope.SECTOR, "S0", LimitMetric.GROSS_NOTIONAL, 1_000_000));
        PreTradeResult result = new PreTradeResult(limits.size());

        int approved = runOrders(book, limits, result, 10_000);
        long before = threads.getThreadAllocatedBytes(thread);
        approved += runOrders(book, limits, result, 10_000);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        // Each round approves the small buy and the new instrument and rejects the other two.
        assertThat(approved).isEqualTo(2 * 2 * 10_000);
        assertThat(allocated).isLessThan(1024);
        assertThat(book.size()).isEqualTo(20);
    }

    private static int runOrders(AccountExposure book, LimitSet limits, PreTradeResult result, int rounds) {
        int approved = 0;
        for (int r = 0; r < rounds; r++) {
            if (CHECK.check(book, limits, ACTIVE, ACTIVE, DrawdownTier.NONE, 1, "I0", "S0", Side.BUY, 100, 100, 1, result)) {
                approved++;
            }
            if (CHECK.check(book, limits, ACTIVE, ACTIVE, DrawdownTier.NONE, 1, "I0", "S0", Side.BUY, 20_000, 100, 1, result)) {
                approved++;
            }
            if (CHECK.check(book, limits, ACTIVE, HALTED, DrawdownTier.NONE, 1, "I3", "S3", Side.SELL, 10, 100, 1, result)) {
                approved++;
            }
            if (CHECK.check(book, limits, ACTIVE, ACTIVE, DrawdownTier.REDUCE_SIZE, 0.9, "NEW", "S1", Side.BUY, 10, 100, 1, result)) {
                approved++;
            }
        }
        return approved;
    }

    /** A (TECH) long 100 at 10 and B (ENERGY) long 40 at 50, on equity 10,000; VaR not known yet. */
    private static AccountExposure book() {
        return new AccountExposure()
                .add("A", "TECH", 100, 1_000)
                .add("B", "ENERGY", 40, 2_000)
                .account(10_000, 0, 0, Double.NaN);
    }

    private static void assertBookUnchanged(AccountExposure book) {
        assertThat(book.size()).isEqualTo(2);
        assertThat(book.indexOf("N")).isEqualTo(-1);
        assertThat(book.instrumentId(0)).isEqualTo("A");
        assertThat(book.sector(0)).isEqualTo("TECH");
        assertThat(book.quantity(0)).isEqualTo(100);
        assertThat(book.marketValue(0)).isEqualTo(1_000);
        assertThat(book.instrumentId(1)).isEqualTo("B");
        assertThat(book.quantity(1)).isEqualTo(40);
        assertThat(book.marketValue(1)).isEqualTo(2_000);
        assertThat(book.grossExposure()).isEqualTo(3_000);
        assertThat(book.equity()).isEqualTo(10_000);
    }

    private boolean order(AccountExposure book, LimitSet limits, Side side, String instrumentId, double quantity, double price) {
        return check(book, limits, ACTIVE, ACTIVE, side, instrumentId, quantity, price);
    }

    private boolean check(AccountExposure book, LimitSet limits, TradingState accountState, TradingState firmState,
                          Side side, String instrumentId, double quantity, double price) {
        String sector = book.indexOf(instrumentId) >= 0 ? book.sector(book.indexOf(instrumentId)) : null;
        return check(book, limits, accountState, firmState, DrawdownTier.NONE, 1, instrumentId, sector, side, quantity, price, 1);
    }

    private boolean check(AccountExposure book, LimitSet limits, TradingState accountState, TradingState firmState,
                          String instrumentId, String sector, Side side, double quantity, double price) {
        return check(book, limits, accountState, firmState, DrawdownTier.NONE, 1, instrumentId, sector, side, quantity, price, 1);
    }

    private boolean check(AccountExposure book, LimitSet limits, TradingState accountState, TradingState firmState,
                          DrawdownTier tier, double sizingFactor, String instrumentId, String sector, Side side,
                          double quantity, double price, double contractSize) {
        return CHECK.check(book, limits, accountState, firmState, tier, sizingFactor, instrumentId, sector, side,
                quantity, price, contractSize, out);
    }

    private boolean sized(AccountExposure book, LimitSet limits, DrawdownTier tier, double sizingFactor, Side side, double quantity) {
        return check(book, limits, ACTIVE, ACTIVE, tier, sizingFactor, "A", "TECH", side, quantity, 10, 1);
    }

    private void assertUtilization(int i, double before, double after) {
        assertThat(out.utilizationBefore(i)).isCloseTo(before, within(1e-6));
        assertThat(out.utilizationAfter(i)).isCloseTo(after, within(1e-6));
    }

    private List<PreTradeReason> reasons() {
        List<PreTradeReason> reasons = new ArrayList<>();
        for (int k = 0; k < out.reasonCount(); k++) {
            reasons.add(out.reason(k));
        }
        return reasons;
    }

    private static LimitSet limits(AccountLimit... limits) {
        return LimitSet.of(List.of(limits));
    }

    private static AccountLimit account(String limitId, LimitMetric metric, double maxValue) {
        return new AccountLimit("ACC-1", limitId, LimitScope.ACCOUNT, null, metric, maxValue, AccountLimit.DEFAULT_WARN_AT);
    }

    private static AccountLimit scoped(String limitId, LimitScope scope, String target, LimitMetric metric, double maxValue) {
        return new AccountLimit("ACC-1", limitId, scope, target, metric, maxValue, AccountLimit.DEFAULT_WARN_AT);
    }
}
