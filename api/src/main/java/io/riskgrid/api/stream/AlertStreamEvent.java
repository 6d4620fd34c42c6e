package io.riskgrid.api.stream;

import io.riskgrid.api.alert.AlertView;

/**
 * The data of an {@code alert} event on {@code /api/v1/stream/alerts}.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param kind             what happened: RAISED, SEVERITY_UP, SEVERITY_DOWN, ACKNOWLEDGED, ESCALATED,
 *                         RESOLVED or REOPENED; CURRENT for the alert as it is now, sent when a client
 *                         resumes ({@code Last-Event-ID}) or asks for a snapshot
 * @param previousSeverity the severity before the change; null for a new alert and for CURRENT
 * @param previousStatus   the status before the change; null for a new alert and for CURRENT
 * @param alert            the alert after the change
 */
public record AlertStreamEvent(String kind, String previousSeverity, String previousStatus, AlertView alert) {

    /** The kind of an event that carries an alert's current state rather than a change. */
    public static final String CURRENT = "CURRENT";
}
