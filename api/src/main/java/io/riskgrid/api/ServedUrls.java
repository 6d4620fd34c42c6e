package io.riskgrid.api;

import io.riskgrid.api.grid.GridMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    public ServedUrls(RiskGridProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        LOG.info(describe(host(environment.getProperty("server.address")), web.getWebServer().getPort()));
    }

    /** The line printed at start for a server at {@code host:port}. */
    String describe(String host, int port) {
        String base = "http://" + host + ":" + port;
        String thin = properties.grid().mode() == GridMode.EMBEDDED
                ? "jdbc:ignite:thin://" + host + ":" + properties.grid().thinPort()
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
