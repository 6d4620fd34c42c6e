package io.riskgrid.bench.load;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyLedgerTest {

    private static final long MS = 1_000_000;

    @Test
    void anEventIsMeasuredFromItsFillsSendAndDueTimes() {
        LatencyLedger ledger = new LatencyLedger(10, 4);
        int phase = ledger.openPhase();
        ledger.sent(3, 0, phase, 100 * MS, 101 * MS);

        assertThat(ledger.answered(3, 0, 104 * MS)).isEqualTo(LatencyLedger.Outcome.MEASURED);

        LatencyLedger.Tally t = ledger.tally(phase);
        assertThat(t.sent()).isEqualTo(1);
        assertThat(t.answered()).isEqualTo(1);
        assertThat(t.outstanding()).isZero();
        // 104 - 101 = 3 ms from the send, 104 - 100 = 4 ms from the due time; HdrHistogram keeps 3 digits.
        assertThat(t.fromSend().getMaxValue()).isBetween(3 * MS - 3_000, 3 * MS + 3_000);
        assertThat(t.fromDue().getMaxValue()).isBetween(4 * MS - 4_000, 4 * MS + 4_000);
    }

    @Test
    void aLateEventIsMatchedToItsOwnFillNotTheAccountsNewerOne() {
        LatencyLedger ledger = new LatencyLedger(1, 4);
        int phase = ledger.openPhase();
        ledger.sent(0, 0, phase, 0, 10 * MS);
        ledger.sent(0, 1, phase, 0, 20 * MS);

        ledger.answered(0, 0, 25 * MS);

        // Fill 0 was sent at 10 ms: 15 ms, not the 5 ms since fill 1 was sent.
        assertThat(ledger.tally(phase).fromSend().getMaxValue()).isBetween(15 * MS - 15_000, 15 * MS + 15_000);
        assertThat(ledger.tally(phase).outstanding()).isEqualTo(1);
    }

    @Test
    void aSecondEventForTheSameFillCountsOnce() {
        LatencyLedger ledger = new LatencyLedger(1, 4);
        int phase = ledger.openPhase();
        ledger.sent(0, 0, phase, 0, 0);

        assertThat(ledger.answered(0, 0, MS)).isEqualTo(LatencyLedger.Outcome.MEASURED);
        assertThat(ledger.answered(0, 0, 2 * MS)).isEqualTo(LatencyLedger.Outcome.DUPLICATE);
        assertThat(ledger.tally(phase).answered()).isEqualTo(1);
        assertThat(ledger.unmatched()).isEqualTo(1);
    }

    @Test
    void anEventWhoseSlotWasReusedIsStaleAndItsFillStaysOutstanding() {
        LatencyLedger ledger = new LatencyLedger(1, 2);
        int phase = ledger.openPhase();
        ledger.sent(0, 0, phase, 0, 0);
        ledger.sent(0, 1, phase, 0, 0);
        ledger.sent(0, 2, phase, 0, 0);

        assertThat(ledger.answered(0, 0, MS)).isEqualTo(LatencyLedger.Outcome.STALE);
        assertThat(ledger.tally(phase).outstanding()).isEqualTo(3);
        assertThat(ledger.unmatched()).isEqualTo(1);
    }

    @Test
    void warmUpFillsAreMatchedButNotMeasured() {
        LatencyLedger ledger = new LatencyLedger(1, 4);
        ledger.sent(0, 0, 0, 0, 0);
        int phase = ledger.openPhase();

        assertThat(ledger.answered(0, 0, MS)).isEqualTo(LatencyLedger.Outcome.WARM_UP);
        assertThat(ledger.tally(0).answered()).isEqualTo(1);
        assertThat(ledger.tally(phase).fromSend().getTotalCount()).isZero();
    }

    @Test
    void eventsForUnknownAccountsOrFillsAreUnmatched() {
        LatencyLedger ledger = new LatencyLedger(2, 4);

        assertThat(ledger.answered(5, 0, 0)).isEqualTo(LatencyLedger.Outcome.STALE);
        assertThat(ledger.answered(1, 0, 0)).isEqualTo(LatencyLedger.Outcome.DUPLICATE);
        assertThat(ledger.unmatched()).isEqualTo(2);
    }

    @Test
    void concurrentSendersAndListenersLoseNoEvent() throws InterruptedException {
        int accounts = 4;
        int fillsPerAccount = 5_000;
        LatencyLedger ledger = new LatencyLedger(accounts, 1024);
        int phase = ledger.openPhase();
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger measured = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            int account = a;
            AtomicInteger answered = new AtomicInteger();
            // One sender per account, kept within 512 fills of its listener as the ledger's 1,024 slots require,
            // and a listener that answers each fill after it was sent.
            Thread sender = new Thread(() -> {
                await(go);
                for (int k = 0; k < fillsPerAccount; k++) {
                    while (k - answered.get() >= 512) {
                        Thread.yield();
                    }
                    ledger.sent(account, k, phase, 0, 1);
                }
            });
            Thread listener = new Thread(() -> {
                await(go);
                for (int k = 0; k < fillsPerAccount; k++) {
                    // Until the fill is sent its slot is empty (DUPLICATE) or holds an older fill (STALE).
                    while (ledger.answered(account, k, 2) != LatencyLedger.Outcome.MEASURED) {
                        Thread.yield();
                    }
                    measured.incrementAndGet();
                    answered.incrementAndGet();
                }
            });
            threads.add(sender);
            threads.add(listener);
        }
        threads.forEach(Thread::start);
        go.countDown();
        for (Thread t : threads) {
            t.join(60_000);
        }

        assertThat(measured.get()).isEqualTo(accounts * fillsPerAccount);
        assertThat(ledger.tally(phase).sent()).isEqualTo((long) accounts * fillsPerAccount);
        assertThat(ledger.tally(phase).outstanding()).isZero();
    }

    @Test
    void rejectsBadShapesAndUnknownPhases() {
        assertThatThrownBy(() -> new LatencyLedger(0, 4)).hasMessageContaining("accounts");
        assertThatThrownBy(() -> new LatencyLedger(1, 3)).hasMessageContaining("power of 2");
        LatencyLedger ledger = new LatencyLedger(1, 4);
        assertThatThrownBy(() -> ledger.sent(0, 0, 1, 0, 0)).hasMessageContaining("phase 1 was not opened");
        assertThatThrownBy(() -> ledger.sent(1, 0, 0, 0, 0)).hasMessageContaining("account");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
