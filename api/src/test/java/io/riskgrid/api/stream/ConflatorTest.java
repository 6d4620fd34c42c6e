package io.riskgrid.api.stream;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ConflatorTest {

    /** Counts drops by reason. */
    private static final class CountingDrops implements Conflator.Drops {
        int superseded;
        int overflow;

        @Override
        public void superseded() {
            superseded++;
        }

        @Override
        public void overflow() {
            overflow++;
        }
    }

    /** A subscriber that requests only when told to. */
    private static final class Reader extends BaseSubscriber<String> {
        final List<String> received = new ArrayList<>();
        boolean completed;

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            // no demand until the test asks
        }

        @Override
        protected void hookOnNext(String value) {
            received.add(value);
        }

        @Override
        protected void hookOnComplete() {
            completed = true;
        }
    }

    private final CountingDrops drops = new CountingDrops();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private Conflator<String, String> conflator(long minIntervalNanos, int maxKeys) {
        return new Conflator<>(minIntervalNanos, maxKeys, drops, nanos::get);
    }

    @Test
    void aFrameGoesOutAtOnceWhenTheClientIsReading() {
        Conflator<String, String> c = conflator(0, 10);
        Reader r = new Reader();
        c.frames().subscribe(r);
        r.request(10);

        c.offer("A", 1, "a1");
        c.offer("B", 1, "b1");

        assertThat(r.received).containsExactly("a1", "b1");
        assertThat(c.waitingCount()).isZero();
    }

    @Test
    void aClientThatDoesNotReadKeepsOnlyTheLatestFrameOfEachKeyAndTheDropsAreCounted() {
        Conflator<String, String> c = conflator(0, 10);
        Reader r = new Reader();
        c.frames().subscribe(r);

        c.offer("A", 1, "a1");
        c.offer("B", 1, "b1");
        c.offer("A", 2, "a2");
        c.offer("A", 3, "a3");

        assertThat(c.waitingCount()).isEqualTo(2);
        assertThat(drops.superseded).isEqualTo(2);
        r.request(10);
        // A keeps the place in line it took first.
        assertThat(r.received).containsExactly("a3", "b1");
    }

    @Test
    void framesGoOutOnlyAsFarAsTheClientHasAsked() {
        Conflator<String, String> c = conflator(0, 10);
        Reader r = new Reader();
        c.frames().subscribe(r);
        c.offer("A", 1, "a1");
        c.offer("B", 1, "b1");
        c.offer("C", 1, "c1");

        r.request(2);
        assertThat(r.received).containsExactly("a1", "b1");
        r.request(1);
        assertThat(r.received).containsExactly("a1", "b1", "c1");
    }

    @Test
    void aFullBufferDropsTheKeyChangedLongestAgoAndCountsTheLoss() {
        Conflator<String, String> c = conflator(0, 2);
        Reader r = new Reader();
        c.frames().subscribe(r);

        c.offer("A", 1, "a1");
        c.offer("B", 1, "b1");
        c.offer("C", 1, "c1");

        assertThat(drops.overflow).isEqualTo(1);
        assertThat(c.keyCount()).isEqualTo(2);
        r.request(10);
        assertThat(r.received).containsExactly("b1", "c1");
    }

    @Test
    void aKeyAlreadySentIsForgottenFirstWithoutLosingAFrame() {
        Conflator<String, String> c = conflator(0, 2);
        Reader r = new Reader();
        c.frames().subscribe(r);
        r.request(1);
        c.offer("A", 1, "a1");
        c.offer("B", 1, "b1");
        c.offer("C", 1, "c1");

        assertThat(drops.overflow).isZero();
        r.request(10);
        assertThat(r.received).containsExactly("a1", "b1", "c1");
    }

    @Test
    void anOlderVersionNeverReplacesANewerFrameNorFollowsOneAlreadySent() {
        Conflator<String, String> c = conflator(0, 10);
        Reader r = new Reader();
        c.frames().subscribe(r);

        c.offer("A", 5, "a5");
        c.offer("A", 3, "a3");
        assertThat(c.waitingFrames()).containsEntry("A", "a5");
        r.request(10);
        c.offer("A", 4, "a4");
        c.offer("A", 5, "a5-again");

        assertThat(r.received).containsExactly("a5", "a5-again");
    }

    @Test
    void aThrottledKeyWaitsForItsIntervalWithoutHoldingUpOtherKeys() {
        Conflator<String, String> c = conflator(100, 10);
        Reader r = new Reader();
        c.frames().subscribe(r);
        r.request(100);

        c.offer("A", 1, "a1");
        nanos.addAndGet(10);
        c.offer("A", 2, "a2");
        c.offer("B", 1, "b1");
        nanos.addAndGet(40);
        c.offer("A", 3, "a3");
        c.drain();
        assertThat(r.received).containsExactly("a1", "b1");

        nanos.addAndGet(50);
        c.drain();
        assertThat(r.received).containsExactly("a1", "b1", "a3");
        assertThat(drops.superseded).isEqualTo(1);
    }

    @Test
    void aClientThatAsksForMoreFromInsideOnNextGetsEveryFrame() {
        Conflator<String, String> c = conflator(0, 10);
        List<String> received = new ArrayList<>();
        c.offer("A", 1, "a1");
        c.offer("B", 1, "b1");
        c.offer("C", 1, "c1");
        c.frames().subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(1);
            }

            @Override
            protected void hookOnNext(String value) {
                received.add(value);
                request(1);
            }
        });

        assertThat(received).containsExactly("a1", "b1", "c1");
    }

    @Test
    void aCancelledClientIsForgottenAndCompleteEndsTheStream() {
        Conflator<String, String> c = conflator(0, 10);
        Reader r = new Reader();
        c.frames().subscribe(r);
        c.offer("A", 1, "a1");
        r.cancel();
        c.offer("B", 1, "b1");
        assertThat(c.keyCount()).isZero();

        Conflator<String, String> d = conflator(0, 10);
        Reader s = new Reader();
        d.frames().subscribe(s);
        d.complete();
        d.offer("A", 1, "a1");
        assertThat(s.completed).isTrue();
        assertThat(s.received).isEmpty();
    }
}
