package io.riskgrid.api.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riskgrid.grid.testing.TestPorts;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.ClientConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The container image works, shown without a container engine: its layers are unpacked into a
 * directory, and its own Java runs there under chroot as the image's user, with the image's
 * environment and working directory ({@link ChrootContainers}). Two grid nodes started with the
 * grid-node command form a cluster that serves SQL to a thin client; the image's default entrypoint
 * (the API) joins them as a client node and reports healthy; the models' native libraries load.
 * <p>
 * Skips, saying why, where it cannot chroot (not root, no util-linux unshare);
 * {@code RISKGRID_REQUIRE_CHROOT=1} makes that a failure instead, for CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageRootfsIT {

    /** Bounds a failure only: on a quiet machine a node starts in seconds. */
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Pattern THIN_PORT = Pattern.compile("thin client and JDBC on 127\\.0\\.0\\.1:(\\d+)");
    /** Heap for each JVM of the test, given as an operator would, without touching JDK_JAVA_OPTIONS. */
    private static final Map<String, String> HEAP = Map.of("JAVA_TOOL_OPTIONS", "-Xmx768m");

    private ImageArchive image;
    private Path root;
    private Path logs;
    private ChrootContainers containers;

    @BeforeAll
    void unpackTheImage() throws IOException, InterruptedException {
        Path tarball = RiskGridImage.tarball();
        Optional<String> unavailable = ChrootContainers.unavailable();
        if (unavailable.isPresent() && "1".equals(System.getenv("RISKGRID_REQUIRE_CHROOT"))) {
            throw new IllegalStateException("RISKGRID_REQUIRE_CHROOT=1 but " + unavailable.get());
        }
        assumeTrue(unavailable.isEmpty(), () -> "image tests skipped: " + unavailable.orElseThrow());
        image = ImageArchive.read(tarball);
        root = Files.createTempDirectory("riskgrid-image-root");
        logs = Files.createTempDirectory("riskgrid-image-logs");
        image.unpackInto(root);
        containers = new ChrootContainers(root, image.config(), logs);
    }

    @AfterAll
    void deleteTheRoot() {
        if (containers != null) {
            containers.close();
        }
        if (root != null) {
            ImageArchive.deleteRecursively(root);
        }
        if (logs != null) {
            ImageArchive.deleteRecursively(logs);
        }
    }

    @Test
    void imageKeepsTheContractThatDeploymentsRelyOn() throws IOException, InterruptedException {
        ImageArchive.Config config = image.config();
        assertThat(config.user()).isEqualTo("10001:10001");
        assertThat(config.exposedPorts()).contains("8080/tcp", "10800/tcp", "47100/tcp", "47500/tcp");
        assertThat(config.entrypoint()).first().isEqualTo("java");
        assertThat(config.entrypoint()).last().isEqualTo(RiskGridImage.API_MAIN_CLASS);
        assertThat(config.workingDir()).isEqualTo("/home/riskgrid");
        assertThat(Files.getAttribute(inRoot(config.workingDir()), "unix:uid", LinkOption.NOFOLLOW_LINKS))
                .as("the working directory belongs to the image's user").isEqualTo(config.uid());
        for (String dir : List.of("/app/resources", "/app/classes", "/app/libs")) {
            assertThat(inRoot(dir)).as(dir).isDirectory();
        }

        // The flags come from the properties the tests run with (the parent pom), not from a copy.
        Set<String> imageFlags = new TreeSet<>(Arrays.asList(config.env().get("JDK_JAVA_OPTIONS").trim().split("\\s+")));
        Set<String> buildFlags = new TreeSet<>(Arrays.asList(System.getProperty("riskgrid.jvm.flags").trim().split("\\s+")));
        buildFlags.remove("-Driskgrid.anomaly.interval-ms=0"); // tests only: scoring on demand
        assertThat(imageFlags).isEqualTo(buildFlags);
        assertThat(imageFlags).contains("-Dai.djl.offline=true", "--add-opens=java.base/java.nio=ALL-UNNAMED");

        int exit = containers.run("java-version", List.of("java", "-version"), Map.of(), 120);
        String out = Files.readString(logs.resolve("java-version.log"));
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("version \"17.");
    }

    @Test
    void modelNativeLibrariesLoadInsideTheImage() throws IOException, InterruptedException {
        Path probeClass = Path.of(NativeLibrariesProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .resolve(NativeLibrariesProbe.class.getName().replace('.', '/') + ".class");
        Path target = inRoot("/tmp/probe").resolve(NativeLibrariesProbe.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(target.getParent());
        Files.copy(probeClass, target);

        int exit = containers.run("native-probe", List.of("java", "-cp", "/tmp/probe:" + RiskGridImage.CLASSPATH,
                NativeLibrariesProbe.class.getName()), HEAP, START_LIMIT.toSeconds());
        String out = Files.readString(logs.resolve("native-probe.log"));
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("sum=6.0", "squared00=7.000000", "squared11=22.000000", "inverse10=1.500000");
    }

    @Test
    void gridNodesAndTheApiStartedFromTheImageFormOneCluster() throws Exception {
        int base = TestPorts.freeBlock();
        String discovery = "127.0.0.1:" + base + ".." + (base + 9);
        List<ChrootContainers.Container> nodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<String> command = new ArrayList<>(RiskGridImage.NODE_COMMAND);
            command.addAll(List.of("--name", "image-node-" + i, "--discovery", discovery,
                    "--discovery-port", String.valueOf(base), "--comm-port", String.valueOf(base + 10),
                    "--thin-port", String.valueOf(base + 30), "--work-dir", "/home/riskgrid/node-" + i,
                    "--data-region-mb", "256"));
            nodes.add(containers.start("image-node-" + i, command, HEAP));
        }

        List<Integer> thinPorts = new ArrayList<>();
        for (ChrootContainers.Container node : nodes) {
            waitUntil(node.name() + " has started", nodes, () -> THIN_PORT.matcher(node.log()).find());
            Matcher m = THIN_PORT.matcher(node.log());
            assertThat(m.find()).isTrue();
            thinPorts.add(Integer.parseInt(m.group(1)));
        }
        waitUntil("a thin client sees two server nodes", nodes, () -> serverNodes(thinPorts.get(0)) == 2);
        for (int port : thinPorts) {
            try (IgniteClient client = thinClient(port)) {
                List<List<?>> rows = client.query(new SqlFieldsQuery("SELECT COUNT(*) FROM PUBLIC.ACCOUNTS")
                        .setSchema("PUBLIC")).getAll();
                assertThat(rows).as("SQL on the node at thin port " + port).hasSize(1);
                assertThat(((Number) rows.get(0).get(0)).longValue()).isGreaterThanOrEqualTo(0);
            }
        }

        int httpPort = TestPorts.freePort();
        List<String> api = new ArrayList<>(image.config().entrypoint());
        api.addAll(image.config().cmd());
        api.addAll(List.of("--server.port=" + httpPort, "--server.address=127.0.0.1",
                "--riskgrid.grid.mode=client", "--riskgrid.grid.discovery=" + discovery,
                "--riskgrid.grid.discovery-port=" + base, "--riskgrid.grid.comm-port=" + (base + 10),
                "--riskgrid.grid.instance-name=image-api"));
        List<ChrootContainers.Container> all = new ArrayList<>(nodes);
        all.add(containers.start("image-api", api, HEAP));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(30)).build();
        waitUntil("the API answers /actuator/health with 200", all,
                () -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

        JsonNode body = new ObjectMapper().readTree(http.send(health, HttpResponse.BodyHandlers.ofString()).body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        JsonNode grid = body.path("components").path("grid");
        assertThat(grid.path("status").asText()).isEqualTo("UP");
        assertThat(grid.path("details").path("servers").asInt()).isEqualTo(2);
        assertThat(grid.path("details").path("localNodeClient").asBoolean()).isTrue();
    }

    private Path inRoot(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    private static IgniteClient thinClient(int port) {
        return Ignition.startClient(new ClientConfiguration().setAddresses("127.0.0.1:" + port)
                .setPartitionAwarenessEnabled(false));
    }

    private static int serverNodes(int port) {
        try (IgniteClient client = thinClient(port)) {
            return client.cluster().forServers().nodes().size();
        }
    }

    /**
     * Waits for {@code condition}, failing at once with its log when a watched container exits, and
     * after {@link #START_LIMIT} with the logs of all. A condition that throws counts as not yet.
     */
    private static void waitUntil(String what, List<ChrootContainers.Container> watched, Callable<Boolean> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            for (ChrootContainers.Container c : watched) {
                if (!c.isRunning()) {
                    fail(c.name() + " exited (" + c.process().exitValue() + ") while waiting until " + what
                            + ":\n" + c.logTail());
                }
            }
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(250);
        }
        StringBuilder logsOfAll = new StringBuilder();
        for (ChrootContainers.Container c : watched) {
            logsOfAll.append("\n--- ").append(c.name()).append(":\n").append(c.logTail());
        }
        fail("not true within " + START_LIMIT + ": " + what + " (last error: " + last + ")" + logsOfAll);
    }
}
