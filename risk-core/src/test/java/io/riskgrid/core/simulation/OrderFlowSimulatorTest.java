package io.riskgrid.core.simulation;

import io.riskgrid.core.account.Account;
import io.riskgrid.core.instrument.Instrument;
import io.riskgrid.core.position.Fill;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OrderFlowSimulatorTest {

    @Test
    void openingBookGivesEveryAccountTwelveEqualPositionsWithinItsTargetExposure() {
        DemoBook book = DemoBook.DEFAULT;
        List<Instrument> instruments = book.instruments();
        double[] prices = new double[instruments.size()];
        java.util.Arrays.fill(prices, 50);
        OrderFlowSimulator sim = new OrderFlowSimulator(book.accounts(), instruments, "t", 7);
        List<Fill> fills = sim.openingBook(prices, 1, 12);
        assertThat(fills).hasSize(book.accounts().size() * 12);
        Map<String, Set<String>> held = new HashMap<>();
        Map<String, Double> gross = new HashMap<>();
        Map<String, Double> largest = new HashMap<>();
        Map<String, Double> contract = new HashMap<>();
        instruments.forEach(i -> contract.put(i.instrumentId(), i.contractSize()));
        for (Fill f : fills) {
            assertThat(held.computeIfAbsent(f.accountId(), a -> new HashSet<>()).add(f.instrumentId()))
                    .as("one position per instrument").isTrue();
            double notional = f.quantity() * f.price() * contract.get(f.instrumentId());
            gross.merge(f.accountId(), notional, Double::sum);
            largest.merge(f.accountId(), notional, Math::max);
        }
        for (Account a : book.accounts()) {
            // The target gross exposure is 1x to 3x equity; rounding to whole units moves each of the 12 legs by
            // at most half a unit (25 at a price of 50, or 1,250 for a contract of 50).
            assertThat(gross.get(a.accountId()) / a.initialEquity()).isBetween(0.95, 3.05);
            // Equal legs: the largest is about 1/12 of gross, well inside a 0.35 concentration limit.
            assertThat(largest.get(a.accountId()) / gross.get(a.accountId())).isLessThan(0.12);
        }
    }

    @Test
    void aLongRunOfFillsKeepsEveryAccountInsideTheDemoNetAndGrossLimits() {
        DemoBook book = DemoBook.DEFAULT;
        List<Instrument> instruments = book.instruments();
        double[] prices = new double[instruments.size()];
        java.util.Arrays.fill(prices, 50);
        OrderFlowSimulator sim = new OrderFlowSimulator(book.accounts(), instruments, "t", 11);
        Map<String, Double> contract = new HashMap<>();
        instruments.forEach(i -> contract.put(i.instrumentId(), i.contractSize()));
        Map<String, Double> net = new HashMap<>();
        Map<String, Double> worst = new HashMap<>();
        Map<String, Double> position = new HashMap<>();
        Map<String, Double> gross = new HashMap<>();
        Map<String, Double> worstGross = new HashMap<>();
        // About 5,000 fills per account: an unsteered random walk of steps of 0.5-3% of equity would wander
        // more than 1x equity (sqrt(5,000) x 1.75%), and across 100 accounts past the 2x of the NET limit.
        for (int k = 0; k < 500_000; k++) {
            Fill f = sim.next(prices, k);
            double signed = f.side().sign() * f.quantity() * f.price() * contract.get(f.instrumentId());
            double n = net.merge(f.accountId(), signed, Double::sum);
            worst.merge(f.accountId(), Math.abs(n), Math::max);
            // Gross changes by |new position| - |old position| of the instrument traded.
            String key = f.accountId() + "/" + f.instrumentId();
            double before = position.getOrDefault(key, 0.0);
            double after = before + signed;
            position.put(key, after);
            double g = gross.merge(f.accountId(), Math.abs(after) - Math.abs(before), Double::sum);
            worstGross.merge(f.accountId(), g, Math::max);
        }
        for (Account a : book.accounts()) {
            // DemoBook's NET_NOTIONAL limit is 2x initial equity.
            assertThat(worst.get(a.accountId()) / a.initialEquity()).as(a.accountId()).isLessThan(2.0);
            // And its GROSS_NOTIONAL limit 4x: the target leverage is 1x to 3x.
            assertThat(worstGross.get(a.accountId()) / a.initialEquity()).as(a.accountId()).isLessThan(4.0);
        }
    }
}
