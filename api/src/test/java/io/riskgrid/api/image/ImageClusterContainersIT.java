package io.riskgrid.api.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image as a container engine runs it: the tarball is loaded into the engine, two grid-node
 * containers (the Helm chart's grid-node command) and the API container (the image's default
 * entrypoint, joined as a client node) share one network and form one cluster. The nodes and the
 * API bind their container's own address through {@code --host} / {@code riskgrid.grid.host}.
 * <p>
 * Runs only where Testcontainers finds a Docker engine, and is disabled, not failed, elsewhere.
 * The engine must also be able to start Testcontainers' Ryuk container (or run with
 * {@code TESTCONTAINERS_RYUK_DISABLED=true}); the RiskGrid image itself is never pulled.
 */
@Testcontainers(disabledWithoutDocker = true)
class ImageClusterContainersIT {

    /** Bounds a failure only. */
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final String DISCOVERY = "node1:47500..47509,node2:47500..47509";
    private static final String HEAP = "-Xmx768m";

    @BeforeAll
    static void loadTheImageIntoTheEngine() throws IOException {
        try (InputStream tarball = Files.newInputStream(RiskGridImage.tarball())) {
            DockerClientFactory.instance().client().loadImageCmd(tarball).exec();
        }
    }

    @Test
    void twoGridNodeContainersAndTheApiContainerFormOneCluster() throws Exception {
        try (Network network = Network.newNetwork();
             GenericContainer<?> node1 = gridNode("node1", network);
             GenericContainer<?> node2 = gridNode("node2", network);
             GenericContainer<?> api = api(network)) {
            Startables.deepStart(node1, node2).join();
            api.start();

            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://" + api.getHost() + ":"
                    + api.getMappedPort(8080) + "/actuator/health")).timeout(Duration.ofSeconds(30)).build();
            JsonNode body = new ObjectMapper().readTree(http.send(health, HttpResponse.BodyHandlers.ofString()).body());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("components").path("grid").path("details").path("servers").asInt()).isEqualTo(2);

            try (IgniteClient client = Ignition.startClient(new ClientConfiguration()
                    .setAddresses(node1.getHost() + ":" + node1.getMappedPort(10800))
                    .setPartitionAwarenessEnabled(false))) {
                assertThat(client.cluster().forServers().nodes()).hasSize(2);
                List<List<?>> rows = client.query(new SqlFieldsQuery("SELECT COUNT(*) FROM PUBLIC.ACCOUNTS")
                        .setSchema("PUBLIC")).getAll();
                assertThat(rows).hasSize(1);
            }
        }
    }

    /** A grid node: the chart's command is the container's entrypoint, its arguments the command. */
    private static GenericContainer<?> gridNode(String name, Network network) {
        return new GenericContainer<>(DockerImageName.parse(RiskGridImage.NAME))
                .withNetwork(network)
                .withNetworkAliases(name)
                .withCreateContainerCmdModifier(cmd -> cmd.withHostName(name)
                        .withEntrypoint(RiskGridImage.NODE_COMMAND))
                .withCommand("--name", name, "--host", name, "--discovery", DISCOVERY,
                        "--work-dir", "/home/riskgrid/work", "--data-region-mb", "256")
                .withEnv("JAVA_TOOL_OPTIONS", HEAP)
                .withExposedPorts(10800)
                .waitingFor(Wait.forLogMessage(".*RiskGrid node " + name + " started.*\\n", 1)
                        .withStartupTimeout(START_LIMIT));
    }

    /** The API: the image's default entrypoint with arguments, as a client node of the two. */
    private static GenericContainer<?> api(Network network) {
        return new GenericContainer<>(DockerImageName.parse(RiskGridImage.NAME))
                .withNetwork(network)
                .withNetworkAliases("api")
                .withCreateContainerCmdModifier(cmd -> cmd.withHostName("api"))
                .withCommand("--server.address=0.0.0.0", "--riskgrid.grid.mode=client",
                        "--riskgrid.grid.discovery=" + DISCOVERY, "--riskgrid.grid.host=api")
                .withEnv("JAVA_TOOL_OPTIONS", HEAP)
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/actuator/health").forPort(8080).forStatusCode(200)
                        .withStartupTimeout(START_LIMIT));
    }
}
