package io.riskgrid.api.override;

/**
 * An override as the override endpoints return it.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param overrideId unique id, {@code OVR-...}
 * @param accountId  the account
 * @param limitId    the limit overridden, null for a state override
 * @param state      the trading state imposed, null for a limit override
 * @param value      the limit's max value while the override lasts, null for a state override
 * @param previous   what it replaced: the limit's max value then, or the account's trading state then
 * @param expiresAt  when it ends by itself, epoch ms
 * @param status     ACTIVE; EXPIRED once its time ran out; REPLACED once a newer override of the
 *                   same limit or of the state took its place
 * @param reason     why it was set
 * @param actor      who set it
 * @param createdAt  when it was set, epoch ms
 * @param endedAt    when it ended, null while ACTIVE
 */
public record OverrideView(String overrideId, String accountId, String limitId, String state, Double value,
                           String previous, long expiresAt, String status, String reason, String actor,
                           long createdAt, Long endedAt) {
}
