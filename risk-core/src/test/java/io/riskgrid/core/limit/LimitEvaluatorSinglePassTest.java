package io.riskgrid.core.limit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The one-pass {@link LimitEvaluator#utilizations} against the limit-by-limit definitions, over
 * random books and every metric and scope: the fast path must say exactly what the definitions say.
 */
class LimitEvaluatorSinglePassTest {

    // "Aa" and "BB" have the same String.hashCode: the fast path matches keys on their hashes first
    // and must still tell them apart.
    private static final String[] SECTORS = {"TECH", "ENERGY", "BANKS", "Aa", "BB"};

    @Test
    void onePassAgreesWithTheDefinitionsForEveryLimitBeforeAndAfterATrade() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 500; round++) {
            AccountExposure x = new AccountExposure(4);
            int positions = random.nextInt(0, 12);
            for (int p = 0; p < positions; p++) {
                double q = random.nextInt(-500, 500);
                // A position may have no sector; no SECTOR limit covers it.
                String sector = random.nextInt(6) == 0 ? null : SECTORS[random.nextInt(SECTORS.length)];
                x.add("I" + p, sector, q, q * random.nextDouble(1, 200));
            }
            x.account(random.nextDouble(-1e5, 2e6), random.nextDouble(-5e4, 5e4), random.nextDouble(0, 0.3),
                    random.nextBoolean() ? Double.NaN : random.nextDouble(1, 1e5));
            List<AccountLimit> list = new ArrayList<>();
            int id = 0;
            for (LimitMetric m : LimitMetric.values()) {
                list.add(new AccountLimit("A", "L" + id++, LimitScope.ACCOUNT, null, m, random.nextDouble(0.1, 1e6), 0.8));
                if (!m.accountOnly()) {
                    list.add(new AccountLimit("A", "L" + id++, LimitScope.INSTRUMENT, "I" + random.nextInt(0, 12), m,
                            random.nextDouble(0.1, 1e6), 0.8));
                    list.add(new AccountLimit("A", "L" + id++, LimitScope.SECTOR, SECTORS[random.nextInt(SECTORS.length)], m,
                            random.nextDouble(0.1, 1e6), 0.8));
                }
            }
            LimitSet limits = LimitSet.of(list);
            int slot = positions == 0 || random.nextInt(4) == 0 ? LimitEvaluator.NO_TRADE : random.nextInt(positions);
            double qAfter = random.nextInt(-800, 800);
            double mvAfter = qAfter * 37.5;
            double[] before = new double[limits.size()];
            double[] after = new double[limits.size()];
            LimitEvaluator.DEFAULT.utilizations(limits, x, slot, qAfter, mvAfter, before, after);
            for (int i = 0; i < limits.size(); i++) {
                double expectBefore = LimitEvaluator.DEFAULT.utilization(limits, i, x);
                double expectAfter = slot == LimitEvaluator.NO_TRADE ? expectBefore
                        : LimitEvaluator.DEFAULT.utilizationAfter(limits, i, x, slot, qAfter, mvAfter);
                assertSame(before[i], expectBefore, limits, i);
                assertSame(after[i], expectAfter, limits, i);
            }
        }
    }

    private static void assertSame(double actual, double expected, LimitSet limits, int i) {
        String what = limits.metric(i) + " " + limits.scope(i);
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
        }
    }
}
