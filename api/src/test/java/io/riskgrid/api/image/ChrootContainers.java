package io.riskgrid.api.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Containers of one image without a container engine: processes started in the image's unpacked
 * root the way an engine starts them, with chroot(2) into the root, a mount and a PID namespace of
 * their own with /proc mounted, the device nodes and /etc/hosts an engine provides, and the image's
 * user, working directory and environment (plus what a test adds, as {@code docker run -e} would).
 * util-linux's {@code unshare --root} does the chroot. The network is the host's: every port a test
 * gives binds this machine's loopback.
 * <p>
 * Needs root. Not thread-safe: one test drives it. {@link #close()} stops every process it started.
 */
final class ChrootContainers implements AutoCloseable {

    private static final List<String> UNSHARE_DIRS = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin");

    private final Path root;
    private final ImageArchive.Config config;
    private final Path logDir;
    private final String unshare;
    private final List<Container> started = new ArrayList<>();

    /**
     * Prepares the unpacked image in {@code root} as an engine would before it starts a container.
     * Logs of the containers go to {@code logDir}.
     */
    ChrootContainers(Path root, ImageArchive.Config config, Path logDir) throws IOException, InterruptedException {
        this.root = root;
        this.config = config;
        this.logDir = logDir;
        this.unshare = unshareCommand().orElseThrow(() -> new IllegalStateException("unshare not found"));
        Path dev = Files.createDirectories(root.resolve("dev"));
        String[][] nodes = {{"null", "1", "3"}, {"zero", "1", "5"}, {"full", "1", "7"}, {"random", "1", "8"},
                {"urandom", "1", "9"}, {"tty", "5", "0"}};
        for (String[] n : nodes) {
            if (!Files.exists(dev.resolve(n[0]))) {
                ImageArchive.run(List.of("mknod", "-m", "666", dev.resolve(n[0]).toString(), "c", n[1], n[2]));
            }
        }
        for (String[] link : new String[][] {{"fd", "/proc/self/fd"}, {"stdin", "/proc/self/fd/0"},
                {"stdout", "/proc/self/fd/1"}, {"stderr", "/proc/self/fd/2"}}) {
            if (!Files.exists(dev.resolve(link[0]), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(dev.resolve(link[0]), Path.of(link[1]));
            }
        }
        // An engine writes /etc/hosts and /etc/resolv.conf for every container; on the host network, the host's.
        for (String file : List.of("/etc/hosts", "/etc/resolv.conf")) {
            if (Files.isRegularFile(Path.of(file))) {
                Files.copy(Path.of(file), root.resolve(file.substring(1)), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Why containers cannot be started here, if they cannot: not root, or no usable unshare. */
    static Optional<String> unavailable() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!Integer.valueOf(0).equals(uid)) {
                return Optional.of("running an image root with chroot needs root (uid 0), this is uid " + uid);
            }
            Optional<String> unshare = unshareCommand();
            if (unshare.isEmpty()) {
                return Optional.of("util-linux unshare (chroot with namespaces) is not installed");
            }
            Process probe = new ProcessBuilder(unshare.get(), "--mount", "--pid", "--fork", "--mount-proc",
                    "--root=/", "--wd=/", "true").redirectErrorStream(true).start();
            String out = new String(probe.getInputStream().readAllBytes());
            if (!probe.waitFor(1, TimeUnit.MINUTES) || probe.exitValue() != 0) {
                return Optional.of("unshare cannot make mount and PID namespaces here: " + out.strip());
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("cannot check for root and unshare: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    private static Optional<String> unshareCommand() {
        return UNSHARE_DIRS.stream().map(d -> Path.of(d, "unshare")).filter(Files::isExecutable)
                .map(Path::toString).findFirst();
    }

    /**
     * Starts {@code command} (a program on the image's PATH and its arguments) in a container of the
     * image, with {@code extraEnv} on top of the image's environment.
     */
    Container start(String name, List<String> command, Map<String, String> extraEnv) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(unshare, "--mount", "--pid", "--fork", "--mount-proc",
                "--root=" + root, "--wd=" + config.workingDir(),
                "--setgid=" + config.gid(), "--setuid=" + config.uid(), "--"));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(config.env());
        env.putAll(extraEnv);
        Path log = logDir.resolve(name + ".log");
        Process process = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Container c = new Container(name, process, log);
        started.add(c);
        return c;
    }

    /** Runs {@code command} in a container to its end and returns its exit code. */
    int run(String name, List<String> command, Map<String, String> extraEnv, long timeoutSeconds)
            throws IOException, InterruptedException {
        Container c = start(name, command, extraEnv);
        if (!c.process().waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            c.stop();
            throw new IllegalStateException(name + " did not end within " + timeoutSeconds + " s: " + c.log());
        }
        return c.process().exitValue();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
    }

    /**
     * One container: the {@code unshare} process, whose child is the container's first process.
     *
     * @param name    the container's name, also the name of its log
     * @param process the {@code unshare} process
     * @param logFile stdout and stderr of the container
     */
    record Container(String name, Process process, Path logFile) {

        boolean isRunning() {
            return process.isAlive();
        }

        /** What the container printed so far. */
        String log() {
            try {
                return Files.readString(logFile);
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        /** Asks the container's processes to stop (SIGTERM), and kills them after 30 s. */
        void stop() {
            List<ProcessHandle> inside = process.descendants().toList();
            inside.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    inside.forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inside.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }

        /** The last lines of the log, for a failure message. */
        String logTail() {
            String log = log();
            return log.length() <= 6000 ? log : "..." + log.substring(log.length() - 6000);
        }
    }
}
