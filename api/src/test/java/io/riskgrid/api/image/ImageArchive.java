package io.riskgrid.api.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A container image saved as a tarball in the {@code docker save} layout that {@code jib:buildTar}
 * writes ({@code manifest.json}, the configuration, one tar per layer): its configuration, and its
 * layers unpacked into a root file system the way a container engine does, in order and honouring
 * whiteouts ({@code .wh.NAME} deletes NAME of the layers below, {@code .wh..wh..opq} empties its
 * directory). GNU tar does the unpacking, so owners, modes and links are those of the image.
 * <p>
 * Instances are immutable; {@link #unpackInto(Path)} writes only below the directory it is given.
 */
final class ImageArchive {

    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    /** Jib writes a pax keyword that GNU tar does not know and would warn about for every file. */
    private static final String QUIET = "--warning=no-unknown-keyword";

    private final Path tarball;
    private final Config config;
    private final List<String> layers;

    private ImageArchive(Path tarball, Config config, List<String> layers) {
        this.tarball = tarball;
        this.config = config;
        this.layers = List.copyOf(layers);
    }

    /** Reads the manifest and configuration of the image in {@code tarball}. */
    static ImageArchive read(Path tarball) throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(extract(tarball, "manifest.json")).get(0);
        JsonNode image = json.readTree(extract(tarball, manifest.get("Config").asText()));
        List<String> layers = new ArrayList<>();
        manifest.get("Layers").forEach(l -> layers.add(l.asText()));
        return new ImageArchive(tarball, Config.of(image), layers);
    }

    /** The image's configuration: what a container of it runs, as whom and where. */
    Config config() {
        return config;
    }

    /** Unpacks every layer, lowest first, into the empty directory {@code root}. */
    void unpackInto(Path root) throws IOException, InterruptedException {
        Path layerDir = Files.createTempDirectory("riskgrid-image-layers");
        try {
            for (String layer : layers) {
                run(List.of("tar", "-xf", tarball.toString(), "-C", layerDir.toString(), layer));
                Path layerTar = layerDir.resolve(layer);
                applyWhiteouts(layerTar, root);
                run(List.of("tar", QUIET, "-xf", layerTar.toString(), "-C", root.toString(),
                        "--numeric-owner", "--same-owner", "--same-permissions", "--exclude=" + WHITEOUT + "*"));
                Files.delete(layerTar);
            }
        } finally {
            deleteRecursively(layerDir);
        }
    }

    /** Deletes from {@code root} what the whiteouts of one layer hide of the layers below it. */
    private static void applyWhiteouts(Path layerTar, Path root) throws IOException, InterruptedException {
        String listing = run(List.of("tar", QUIET, "-tf", layerTar.toString()));
        for (String entry : listing.split("\n")) {
            String name = entry.startsWith("./") ? entry.substring(2) : entry;
            int slash = name.lastIndexOf('/');
            String dir = slash < 0 ? "" : name.substring(0, slash + 1);
            String base = name.substring(slash + 1);
            if (base.equals(OPAQUE)) {
                Path hidden = root.resolve(dir).normalize();
                if (hidden.startsWith(root) && Files.isDirectory(hidden)) {
                    try (Stream<Path> children = Files.list(hidden)) {
                        children.forEach(ImageArchive::deleteRecursively);
                    }
                }
            } else if (base.startsWith(WHITEOUT)) {
                Path hidden = root.resolve(dir + base.substring(WHITEOUT.length())).normalize();
                if (hidden.startsWith(root)) {
                    deleteRecursively(hidden);
                }
            }
        }
    }

    private static byte[] extract(Path tarball, String member) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tar", "-xOf", tarball.toString(), member)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("no " + member + " in " + tarball);
        }
        return out;
    }

    /** Runs a command to its end and returns what it printed; a failure names the command and its output. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** Deletes a file, a link (not what it points to) or a directory tree; best effort. */
    static void deleteRecursively(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // Best effort: what is left is under the system temporary directory.
        }
    }

    /**
     * The parts of an image configuration a container engine acts on.
     *
     * @param entrypoint   the command a container runs unless told otherwise
     * @param cmd          arguments appended to the entrypoint unless told otherwise
     * @param env          the environment, in the image's order
     * @param user         {@code uid:gid}
     * @param workingDir   the directory the command starts in
     * @param exposedPorts {@code 8080/tcp} and so on
     * @param labels       the image's labels
     */
    record Config(List<String> entrypoint, List<String> cmd, Map<String, String> env, String user,
                  String workingDir, List<String> exposedPorts, Map<String, String> labels) {

        static Config of(JsonNode image) {
            JsonNode c = image.get("config");
            Map<String, String> env = new LinkedHashMap<>();
            strings(c.get("Env")).forEach(e -> env.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
            List<String> ports = new ArrayList<>();
            if (c.hasNonNull("ExposedPorts")) {
                c.get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (c.hasNonNull("Labels")) {
                c.get("Labels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
            }
            return new Config(strings(c.get("Entrypoint")), strings(c.get("Cmd")), env,
                    c.path("User").asText(""), c.path("WorkingDir").asText("/"), ports, labels);
        }

        private static List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>();
            if (array != null && array.isArray()) {
                array.forEach(n -> out.add(n.asText()));
            }
            return out;
        }

        int uid() {
            return Integer.parseInt(user.split(":")[0]);
        }

        int gid() {
            return Integer.parseInt(user.split(":")[1]);
        }
    }
}
