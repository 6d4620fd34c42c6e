package io.riskgrid.compute.var;

import io.riskgrid.compute.JobProgress;
import io.riskgrid.compute.book.FirmTask;
import io.riskgrid.compute.book.PartitionBooks;
import io.riskgrid.core.var.LossDistribution;
import io.riskgrid.core.var.MonteCarloVar;
import io.riskgrid.core.var.ParametricVar;
import io.riskgrid.core.var.VarMethod;
import io.riskgrid.core.var.VarReport;
import io.riskgrid.core.var.VarRequest;
import io.riskgrid.core.var.VarResult;
import io.riskgrid.core.var.VarScope;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteException;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskName;
import org.apache.ignite.resources.IgniteInstanceResource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The VaR of the firm's whole book as one portfolio, as a map-reduce next to the data. Each server
 * node gets one job over the accounts it is primary for; the job nets their positions per
 * instrument and, for Monte Carlo and historical simulation, returns the P&L of every scenario
 * under the same seeded scenario set (every node draws the same shocks from the same seed and the
 * same market model). The reduce sums those vectors path by path, so the firm's figure is the
 * quantile of the firm's P&L: exact, not a sum of account VaRs, and the same on one node or many
 * (up to the order of floating-point additions). Parametric VaR needs only the netted exposures.
 * <p>
 * Callable from the thin client as {@value #NAME} with a {@link VarRequest} of scope FIRM; answers
 * a {@link VarReport}. The API's job service sets a {@link JobProgress} to follow the nodes' jobs.
 */
@ComputeTaskName(FirmVarTask.NAME)
public class FirmVarTask extends FirmTask<VarRequest, VarReport> {

    public static final String NAME = "io.riskgrid.compute.var.FirmVarTask";

    private transient VarRequest request;

    public FirmVarTask() {
        this(JobProgress.NONE);
    }

    public FirmVarTask(JobProgress progress) {
        super(progress);
    }

    @Override
    protected void prepare(VarRequest request) {
        if (request == null || request.scope() != VarScope.FIRM) {
            throw new IgniteException(new IllegalArgumentException("FirmVarTask needs a VarRequest of scope FIRM"));
        }
        this.request = request;
    }

    @Override
    protected ComputeJob job(int[] partitions) {
        return new Job(request, partitions);
    }

    @Override
    public VarReport reduce(List<ComputeJobResult> results) {
        double[] exposures = null;
        double[] pnl = null;
        int accounts = 0;
        int positions = 0;
        Set<Long> models = new HashSet<>();
        for (ComputeJobResult r : results) {
            if (r.getException() != null) {
                throw r.getException();
            }
            VarPartial p = r.getData();
            models.add(p.modelFingerprint);
            accounts += p.accounts;
            positions += p.positions;
            exposures = sum(exposures, p.exposures);
            pnl = p.pnl == null ? pnl : sum(pnl, p.pnl);
        }
        MarketModel model = MarketModels.current(ignite);
        if (models.size() > 1 || (!models.isEmpty() && !models.contains(model.fingerprint()))) {
            throw new IllegalStateException("the nodes estimated different market models (RETURN_HISTORY or INSTRUMENTS "
                    + "changed during the job); run it again");
        }
        if (exposures == null) {
            exposures = new double[model.size()];
        }
        VarMethod method = request.method();
        VarReport report;
        if (method == VarMethod.PARAMETRIC) {
            VarResult v = ParametricVar.DEFAULT.compute(exposures, model.covariance(), request.confidence(),
                    request.horizonDays());
            report = VarCalculation.report(request, model, exposures, v.var(), v.cvar(), v.componentVar(), 0,
                    accounts, positions, start);
        } else {
            LossDistribution d = LossDistribution.of(pnl);
            report = VarCalculation.report(request, model, exposures, d.var(request.confidence()),
                    d.cvar(request.confidence()), null, pnl.length, accounts, positions, start);
        }
        progress.report(1);
        return report;
    }

    private static double[] sum(double[] into, double[] add) {
        if (into == null) {
            return add.clone();
        }
        for (int i = 0; i < into.length; i++) {
            into[i] += add[i];
        }
        return into;
    }

    /** One node's share: its accounts' netted exposures and, when simulated, their P&L per scenario. */
    public static final class VarPartial {
        final double[] exposures;
        final double[] pnl;
        final int accounts;
        final int positions;
        final long modelFingerprint;

        VarPartial(double[] exposures, double[] pnl, int accounts, int positions, long modelFingerprint) {
            this.exposures = exposures;
            this.pnl = pnl;
            this.accounts = accounts;
            this.positions = positions;
            this.modelFingerprint = modelFingerprint;
        }
    }

    /** The accounts of the partitions a node is primary for, simulated on that node. */
    static final class Job extends ComputeJobAdapter {
        private static final long serialVersionUID = 1L;
        private final VarRequest request;
        private final int[] partitions;

        @IgniteInstanceResource
        private transient Ignite ignite;

        Job(VarRequest request, int[] partitions) {
            this.request = request;
            this.partitions = partitions;
        }

        @Override
        public Object execute() {
            MarketModel model = MarketModels.current(ignite);
            double[] exposures = new double[model.size()];
            Set<String> accounts = new HashSet<>();
            int[] positions = new int[1];
            for (int p : partitions) {
                PartitionBooks.positions(ignite, p, (k, v) -> {
                    if (v.quantity != 0) {
                        exposures[model.indexOfHeld(k.instrumentId())] += v.marketValue;
                        accounts.add(k.accountId());
                        positions[0]++;
                    }
                });
            }
            double[] pnl = null;
            if (request.method() == VarMethod.MONTE_CARLO) {
                pnl = new double[request.paths()];
                MonteCarloVar.DEFAULT.simulatePnl(exposures, model.covariance(), request.horizonDays(), request.paths(),
                        request.seed(), pnl);
            } else if (request.method() == VarMethod.HISTORICAL) {
                pnl = VarCalculation.historicalPnl(model, exposures, request.horizonDays());
            }
            return new VarPartial(exposures, pnl, accounts.size(), positions[0], model.fingerprint());
        }
    }
}
