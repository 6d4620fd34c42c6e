package io.riskgrid.api.ingest;

/**
 * A fill as a client sends it to {@code POST /api/v1/fills}. Every field is nullable here so that
 * a missing field is reported by name ({@code fills[2].price is required}) instead of failing the
 * JSON decoding; {@link IngestMapping} turns it into a validated domain fill.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param fillId       unique id of the execution; a fill sent twice counts once
 * @param accountId    account the fill books to
 * @param instrumentId instrument traded
 * @param side         BUY or SELL
 * @param quantity     units traded, positive
 * @param price        execution price, positive
 * @param timestamp    execution time, epoch milliseconds
 * @param strategy     optional strategy tag
 * @param venue        optional execution venue
 */
public record FillRequest(String fillId, String accountId, String instrumentId, String side, Double quantity,
                          Double price, Long timestamp, String strategy, String venue) {
}
