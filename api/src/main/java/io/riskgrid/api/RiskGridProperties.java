package io.riskgrid.api;

import io.riskgrid.api.grid.GridMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The typed settings of the API under the prefix {@code riskgrid}, validated once at start: every
 * violation is reported together and the application does not start.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param grid   the grid node the API embeds or joins
 * @param demo   the demo book and simulator
 * @param limits the limits file applied at start
 */
@Validated
@ConfigurationProperties("riskgrid")
public record RiskGridProperties(@Valid @DefaultValue Grid grid, @Valid @DefaultValue Demo demo,
                                 @Valid @DefaultValue Limits limits) {

    /** The constructor the settings are bound through. */
    @ConstructorBinding
    public RiskGridProperties {
    }

    /** Settings without a limits file. */
    public RiskGridProperties(Grid grid, Demo demo) {
        this(grid, demo, new Limits(null));
    }

    /**
     * The grid node of the API.
     *
     * @param mode            {@code embedded}: the API runs a grid server node that holds data;
     *                        {@code client}: it joins an existing cluster as a client node
     * @param discovery       static discovery addresses, e.g. {@code 127.0.0.1:47500..47509}
     * @param discoveryPort   first local discovery port
     * @param commPort        first local communication port
     * @param thinPort        thin-client / JDBC port (embedded mode only)
     * @param workDir         Ignite work directory; default {@code ${java.io.tmpdir}/riskgrid/<instance-name>}
     * @param instanceName    Ignite instance name, unique within the JVM
     * @param dataRegionMb    maximum off-heap size of the default data region, MiB
     * @param callTimeout     how long a REST call waits for a grid task before it fails
     * @param blockingThreads most threads that run blocking grid calls at once for the API
     * @param host            the address the node binds and advertises (a pod's IP on Kubernetes)
     * @param kubernetesService   the headless Service of the grid nodes: discovery through Ignite's
     *                        Kubernetes IP finder instead of {@code discovery}; unset by default
     * @param kubernetesNamespace the namespace of {@code kubernetesService}
     */
    public record Grid(@NotNull @DefaultValue("embedded") GridMode mode,
                       @NotEmpty @DefaultValue("127.0.0.1:47500..47509") List<@NotBlank String> discovery,
                       @Min(1) @Max(65535) @DefaultValue("47500") int discoveryPort,
                       @Min(1) @Max(65535) @DefaultValue("47100") int commPort,
                       @Min(1) @Max(65535) @DefaultValue("10800") int thinPort,
                       Path workDir,
                       @NotBlank @DefaultValue("riskgrid-api") String instanceName,
                       @Min(64) @DefaultValue("2048") long dataRegionMb,
                       @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration callTimeout,
                       @Min(1) @Max(1024) @DefaultValue("32") int blockingThreads,
                       @NotBlank @DefaultValue("127.0.0.1") String host,
                       String kubernetesService,
                       @NotBlank @DefaultValue("default") String kubernetesNamespace) {
    }

    /**
     * The demo: reference data and a simulator that makes risk move.
     *
     * @param enabled      load the demo book at start and, with {@code simulator}, run the simulator
     * @param simulator    with {@code enabled}, publish simulated prices and fills every tick
     * @param loadData     load the demo book where absent even when the demo is not enabled
     *                     ({@code riskgrid api --demo-data})
     * @param tick         time between two simulator ticks
     * @param fillsPerTick fills the simulator publishes each tick
     */
    public record Demo(@DefaultValue("false") boolean enabled,
                       @DefaultValue("true") boolean simulator,
                       @DefaultValue("false") boolean loadData,
                       @NotNull @DurationMin(millis = 10) @DefaultValue("250ms") Duration tick,
                       @Min(0) @Max(10_000) @DefaultValue("50") int fillsPerTick) {

        /** Whether the demo book is loaded at start. */
        public boolean loadsData() {
            return enabled || loadData;
        }

        /** Whether the simulator runs. */
        public boolean runsSimulator() {
            return enabled && simulator;
        }
    }

    /**
     * The limits file: risk limits and the risk policy a firm loads at start (see
     * {@code io.riskgrid.api.limit.LimitsFile} for its layout and {@code limits-example.yaml}).
     *
     * @param file path of the YAML file, relative to the working directory or absolute; none by
     *             default. When set, the file is read at start, after the demo book is loaded: its
     *             policy replaces the grid's and its limits are set for every account. A file that
     *             cannot be read or holds any problem stops the application, naming every problem.
     */
    public record Limits(Path file) {
    }
}
