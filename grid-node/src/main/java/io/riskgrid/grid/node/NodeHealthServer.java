package io.riskgrid.grid.node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteState;
import org.apache.ignite.Ignition;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The health endpoints of a standalone grid node, for Kubernetes probes and load balancers, with the
 * paths and bodies of Spring Boot's actuator so one probe shape fits the node and the API:
 * <ul>
 *   <li>{@code GET /actuator/health} and {@code /actuator/health/readiness}: 200 {@code {"status":"UP"}}
 *       when {@link GridNode#isReady} (in the topology, cluster active, every cache started), else 503
 *       {@code {"status":"DOWN"}}, with the baseline nodes the cluster still waits for, if any;</li>
 *   <li>{@code GET /actuator/health/liveness}: 200 while the Ignite node is started, however long
 *       recovery, activation or rebalancing take; 503 once it has stopped (a critical failure stops
 *       it), so that only a dead node is restarted.</li>
 * </ul>
 * Thread-safe; one small daemon thread serves the requests.
 */
public final class NodeHealthServer implements AutoCloseable {

    private final HttpServer server;

    private NodeHealthServer(HttpServer server) {
        this.server = server;
    }

    /** Serves the health of {@code ignite} on {@code host:port} (port 0 picks a free one). */
    public static NodeHealthServer start(Ignite ignite, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        String name = ignite.name();
        server.createContext("/actuator/health", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (!"GET".equals(exchange.getRequestMethod())) {
                    send(exchange, 405, "{\"error\":\"METHOD_NOT_ALLOWED\",\"message\":\"use GET\"}");
                } else if (path.equals("/actuator/health/liveness")) {
                    boolean alive = Ignition.state(name) == IgniteState.STARTED;
                    send(exchange, alive ? 200 : 503, status(alive, ""));
                } else if (path.equals("/actuator/health") || path.equals("/actuator/health/readiness")) {
                    boolean ready = Ignition.state(name) == IgniteState.STARTED && GridNode.isReady(ignite);
                    send(exchange, ready ? 200 : 503, status(ready, ready ? "" : waitingFor(ignite)));
                } else {
                    send(exchange, 404, "{\"error\":\"NOT_FOUND\",\"message\":\"no health endpoint " + path + "\"}");
                }
            }
        });
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "riskgrid-health-" + name);
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return new NodeHealthServer(server);
    }

    /** The port the endpoints are served on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String status(boolean up, String details) {
        return "{\"status\":\"" + (up ? "UP" : "DOWN") + "\"" + details + "}";
    }

    private static String waitingFor(Ignite ignite) {
        try {
            var missing = GridNode.missingBaselineNodes(ignite);
            if (missing.isEmpty() || ignite.cluster().state().active()) {
                return "";
            }
            StringBuilder b = new StringBuilder(",\"waitingForBaselineNodes\":[");
            int i = 0;
            for (String id : missing) {
                b.append(i++ == 0 ? "" : ",").append('"').append(id.replace("\"", "")).append('"');
            }
            return b.append(']').toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static void send(HttpExchange exchange, int code, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
