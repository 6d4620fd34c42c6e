package io.riskgrid.api.simulator;

/**
 * Answer of {@code POST /api/v1/simulator/incidents}: the incident's id, and when it was handed to
 * the simulator (epoch ms); its fills start with the next tick.
 */
public record IncidentInjected(String incidentId, String type, String accountId, long injectedAt) {
}
