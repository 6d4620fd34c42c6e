package io.riskgrid.api.stream;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the server-sent event streams under the prefix {@code riskgrid.stream}.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param heartbeat            time between two keep-alive comments on a stream, so that proxies
 *                             do not close a quiet connection
 * @param riskPerSecond        default of {@code maxPerSecond} on {@code /stream/risk}: the most
 *                             snapshots a client receives per account per second (latest wins)
 * @param firmInterval         time between two {@code firm} events while risk changes
 * @param maxKeysPerClient     most accounts (risk) or alerts (alerts) whose latest frame a client's
 *                             buffer remembers; beyond that the least recently changed one is dropped
 * @param resumeSlack          how far before a {@code Last-Event-ID} a resumed stream looks, to cover
 *                             changes that were delivered out of time order across grid nodes
 */
@Validated
@ConfigurationProperties("riskgrid.stream")
public record StreamProperties(@NotNull @DurationMin(millis = 100) @DefaultValue("15s") Duration heartbeat,
                               @DecimalMin("0.1") @DecimalMax("50") @DefaultValue("2") double riskPerSecond,
                               @NotNull @DurationMin(millis = 100) @DefaultValue("1s") Duration firmInterval,
                               @Min(1) @Max(10_000_000) @DefaultValue("100000") int maxKeysPerClient,
                               @NotNull @DefaultValue("5s") Duration resumeSlack) {
}
