package io.riskgrid.core;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The selection behind VaR and CVaR puts the k + 1 smallest values at the front, whatever the order
 * of the input and however many values repeat. The expected front is read off a full sort.
 */
class LowerTailTest {

    @Test
    void frontHoldsTheSmallestValuesForEveryPatternSizeAndRank() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 1; n <= 64; n++) {
            for (double[] values : patterns(n, random)) {
                for (int k = 0; k < n; k++) {
                    assertSelects(values, k, 2 * (32 - Integer.numberOfLeadingZeros(n)) + 8);
                }
            }
        }
    }

    @Test
    void longSeriesWithTiesSelectTheirTail() {
        SplittableRandom random = new SplittableRandom(11);
        for (double[] values : patterns(5_000, random)) {
            for (int k : new int[] {0, 1, 49, 250, 2_499, 4_998, 4_999}) {
                assertSelects(values, k, 2 * 13 + 8);
            }
        }
    }

    @Test
    void runningOutOfRoundsFallsBackToSorting() {
        SplittableRandom random = new SplittableRandom(13);
        for (double[] values : patterns(300, random)) {
            for (int rounds = 0; rounds <= 2; rounds++) {
                assertSelects(values, 17, rounds);
                assertSelects(values, 150, rounds);
            }
        }
    }

    private static void assertSelects(double[] values, int k, int rounds) {
        double[] a = values.clone();
        LowerTail.select(a, a.length, k, rounds);
        double[] front = Arrays.copyOf(a, k + 1);
        Arrays.sort(front);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(front).as("k = %d of %d values", k, values.length).containsExactly(Arrays.copyOf(sorted, k + 1));
        // Nothing was lost or duplicated: the whole array is still a permutation of the input.
        double[] all = a.clone();
        Arrays.sort(all);
        assertThat(all).containsExactly(sorted);
    }

    /** Random, ascending, descending, all equal, few distinct values, and an organ pipe. */
    private static double[][] patterns(int n, SplittableRandom random) {
        double[] uniform = new double[n];
        double[] ascending = new double[n];
        double[] descending = new double[n];
        double[] equal = new double[n];
        double[] fewValues = new double[n];
        double[] organPipe = new double[n];
        for (int i = 0; i < n; i++) {
            uniform[i] = random.nextDouble() * 0.1 - 0.05;
            ascending[i] = i * 0.001;
            descending[i] = -i * 0.001;
            equal[i] = 0.0;
            fewValues[i] = (random.nextInt(3) - 1) * 0.01;
            organPipe[i] = Math.min(i, n - 1 - i) * 0.001;
        }
        return new double[][] {uniform, ascending, descending, equal, fewValues, organPipe};
    }
}
