package io.riskgrid.api.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The container image that {@code mvn verify} builds before the integration tests (api/pom.xml),
 * and the contract other deployments rely on: its name, where its tarball is, and the command that
 * runs a grid node from it.
 */
final class RiskGridImage {

    /** The image's name and tag, as {@code docker load} registers it. */
    static final String NAME = System.getProperty("riskgrid.image.name", "riskgrid:0.1.0-SNAPSHOT");

    /** Jib's default application class path. */
    static final String CLASSPATH = "/app/resources:/app/classes:/app/libs/*";

    /** The command of a grid node, before its arguments (the Helm chart's grid-node command). */
    static final List<String> NODE_COMMAND = List.of("java", "-cp", CLASSPATH, "io.riskgrid.grid.GridNodeMain");

    /** The API's main class, which the image's default entrypoint runs. */
    static final String API_MAIN_CLASS = "io.riskgrid.api.RiskGridApplication";

    private RiskGridImage() {
    }

    /**
     * The image tarball; the calling test is skipped when the build was told to leave the image out
     * ({@code -Driskgrid.image.skip}), and fails when the image is missing otherwise.
     */
    static Path tarball() {
        assumeFalse(Boolean.getBoolean("riskgrid.image.skip"), "the image was not built (-Driskgrid.image.skip)");
        Path tar = Path.of(System.getProperty("riskgrid.image.tar", "target/riskgrid-image.tar")).toAbsolutePath();
        if (!Files.isRegularFile(tar)) {
            throw new IllegalStateException(tar + " is missing: `mvn verify` builds it in pre-integration-test"
                    + " (or run `mvn -pl api pre-integration-test -DskipTests`)");
        }
        return tar;
    }
}
