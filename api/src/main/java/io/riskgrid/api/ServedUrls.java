package io.riskgrid.api;

import io.riskgrid.api.grid.GridMode;
import io.riskgrid.grid.node.GridNode;
import org.apache.ignite.Ignite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once the application is ready, says where it can be reached: dashboard, API, health and (when
 * the API embeds a server node) the thin-client / JDBC address, with the port actually bound.
 */
@Component
public class ServedUrls implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ServedUrls.class);

    private final RiskGridProperties properties;
    private final Environment environment;
    private final ObjectProvider<Ignite> ignite;

    public ServedUrls(RiskGridProperties properties, Environment environment, ObjectProvider<Ignite> ignite) {
        this.properties = properties;
        this.environment = environment;
        this.ignite = ignite;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        int configured = properties.grid().thinPort();
        Ignite node = ignite.getIfAvailable();
        int thinPort = node == null ? configured : GridNode.thinPort(node, configured);
        LOG.info(describe(host(environment.getProperty("server.address")), web.getWebServer().getPort(), thinPort));
    }

    /** The line printed at start for a server at {@code host:port} whose node serves thin clients on {@code thinPort}. */
    String describe(String host, int port, int thinPort) {
        String base = "http://" + host + ":" + port;
        String thin = properties.grid().mode() == GridMode.EMBEDDED
                ? "jdbc:ignite:thin://" + host + ":" + thinPort
                : "served by the cluster's server nodes";
        return (properties.demo().enabled() ? "RiskGrid demo: " : "RiskGrid API: ")
                + "dashboard " + base + "/ , API " + base + "/api/v1 , health " + base + "/actuator/health"
                + " , thin client / JDBC " + thin;
    }

    /** A wildcard or missing bind address is reachable on loopback. */
    private static String host(String address) {
        if (address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) {
            return "127.0.0.1";
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
