package io.riskgrid.grid.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out blocks of free ports on 127.0.0.1 far from RiskGrid's defaults, so test classes, test
 * JVMs and a running demo never discover each other.
 * <p>
 * A block of {@value #BLOCK} ports: discovery base..base+9, communication base+10..base+29,
 * thin client base+30..base+39.
 */
public final class TestPorts {

    public static final int BLOCK = 40;

    private TestPorts() {
    }

    /** The first port of a block of free ports. */
    public static synchronized int freeBlock() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20_000 + ThreadLocalRandom.current().nextInt(0, 500) * BLOCK;
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of " + BLOCK + " ports found");
    }

    /** A single free port. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allFree(int base) {
        for (int p = base; p < base + BLOCK; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getByName("127.0.0.1"))) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
