package io.riskgrid.grid.testing;

import io.riskgrid.core.account.Account;
import io.riskgrid.core.position.Fill;
import io.riskgrid.core.position.Side;
import io.riskgrid.grid.reference.ReferenceDataWriter;
import org.apache.ignite.Ignite;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The book a {@link SteadyLoad} trades in the cluster tests: accounts {@code <prefix>0..n-1} and
 * random equity fills on them (instruments of {@link DemoFixture}, which the caller loads).
 */
public final class LoadBook {

    private LoadBook() {
    }

    /** Writes accounts {@code <prefix>0 .. <prefix>(n-1)}, 10,000,000 USD each; their ids. */
    public static Set<String> accounts(Ignite ignite, String prefix, int n) {
        List<Account> accounts = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int a = 0; a < n; a++) {
            accounts.add(new Account(prefix + a, prefix + a, "USD", 10_000_000, "TEST"));
            ids.add(prefix + a);
        }
        new ReferenceDataWriter(ignite).upsertAccounts(accounts);
        return ids;
    }

    /**
     * {@code batches} batches of {@code perBatch} fills, from {@code seed}: on accounts
     * {@code <accountPrefix>0 .. (accounts-1)}, in AAPL and XOM, either side, 1..50 lots at whole prices
     * 95..105 so that every sum is exact; fill ids {@code <fillPrefix><n>} and timestamps {@code n}.
     */
    public static List<List<Fill>> equityBatches(long seed, String fillPrefix, String accountPrefix, int accounts,
                                                 int batches, int perBatch) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] instruments = {DemoFixture.AAPL, DemoFixture.XOM};
        List<List<Fill>> out = new ArrayList<>();
        int n = 0;
        for (int b = 0; b < batches; b++) {
            List<Fill> batch = new ArrayList<>();
            for (int i = 0; i < perBatch; i++, n++) {
                batch.add(Fill.of(fillPrefix + n, accountPrefix + random.nextInt(accounts), instruments[random.nextInt(2)],
                        random.nextBoolean() ? Side.BUY : Side.SELL, 1 + random.nextInt(50), 95 + random.nextInt(11), n));
            }
            out.add(batch);
        }
        return out;
    }
}
