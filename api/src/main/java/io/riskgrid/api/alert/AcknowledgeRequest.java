package io.riskgrid.api.alert;

/**
 * The optional body of {@code POST /api/v1/alerts/{id}/acknowledge}.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param actor   who takes the alert on; else the {@code X-Actor} header, else {@code api}
 * @param comment what they are doing about it, written to the audit log; optional
 */
public record AcknowledgeRequest(String actor, String comment) {
}
