package io.riskgrid.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * What a reset of lost partitions did.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param partitionsReset lost partitions reset, summed over the caches; 0 when none was lost
 * @param caches          the caches reset, with how many partitions each had lost
 * @param auditEventId    the AUDIT_LOG entry of the reset; null when nothing was lost
 * @param resetAt         when, epoch ms
 */
@Schema(description = "What a reset of lost partitions did")
public record LostPartitionsReset(
        @Schema(description = "Lost partitions reset, summed over the caches; 0 when none was lost") long partitionsReset,
        @Schema(description = "The caches reset, with how many partitions each had lost") List<CacheReset> caches,
        @Schema(description = "The AUDIT_LOG entry of the reset; null when nothing was lost") String auditEventId,
        @Schema(description = "When, epoch ms") long resetAt) {

    /** One cache reset and how many of its partitions had been lost. */
    public record CacheReset(String cache, long partitions) {
    }
}
