package io.riskgrid.core;

import java.util.Arrays;

/**
 * Finding the lower tail of a sample without sorting all of it: VaR and CVaR, historical or Monte
 * Carlo, read only the smallest values. This class is stateless and thread-safe.
 */
public final class LowerTail {

    private LowerTail() {
    }

    /**
     * Rearranges {@code a[0..n)} so that {@code a[0..k]} holds its k + 1 smallest values, in no
     * particular order: Hoare's selection (C. A. R. Hoare, "Algorithm 65: Find", CACM 1961, in the
     * form N. Wirth gives) with a median-of-three pivot, which stops on values equal to the pivot
     * from both sides so that runs of equal returns split evenly. Each round keeps only the side
     * that holds index k, so the expected work is about 2n comparisons. Should a bad sequence of
     * pivots not have narrowed the range after {@code 2 log2(n) + 8} rounds, the rest is sorted
     * instead, which bounds the work by O(n log n).
     */
    public static void select(double[] a, int n, int k) {
        select(a, n, k, 2 * (32 - Integer.numberOfLeadingZeros(n)) + 8);
    }

    /** {@link #select(double[], int, int)} that sorts what is left after {@code rounds} rounds. */
    static void select(double[] a, int n, int k, int rounds) {
        int left = 0;
        int right = n - 1;
        while (left < right) {
            if (rounds-- == 0) {
                Arrays.sort(a, left, right + 1);
                return;
            }
            double pivot = medianOfThree(a[left], a[(left + right) >>> 1], a[right]);
            int i = left;
            int j = right;
            // The pivot's value is in [left, right], so each scan stops inside the range.
            do {
                while (a[i] < pivot) {
                    i++;
                }
                while (pivot < a[j]) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            } while (i <= j);
            // Now a[left..j] <= pivot <= a[i..right], and every value between j and i equals the pivot.
            if (j < k) {
                left = i;
            }
            if (k < i) {
                right = j;
            }
        }
    }

    private static double medianOfThree(double a, double b, double c) {
        if (a < b) {
            return b < c ? b : Math.max(a, c);
        }
        return a < c ? a : Math.max(b, c);
    }
}
