package io.riskgrid.compute.ingest;

/**
 * A change to one account that {@link AccountBook#update} applies under the account's lock,
 * followed by a recomputation of its risk: setting limits, the kill switch, an override, or
 * clearing expired overrides. Implementations live on the server classpath, because they run on
 * the account's primary node.
 */
public interface AccountChange {

    /**
     * True for a person's action, which audits itself (with its actor and reason) so that the
     * trading-state change it causes is not audited a second time as an automatic one.
     */
    default boolean byPerson() {
        return true;
    }

    /** Edits the account before its risk is recomputed. */
    void apply(AccountUpdate update);

    /** Called after the recomputation, before commit: the place to audit with the resulting state. */
    default void afterRecompute(AccountUpdate update) {
    }
}
