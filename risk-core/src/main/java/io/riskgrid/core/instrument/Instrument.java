package io.riskgrid.core.instrument;

import io.riskgrid.core.Guard;

/**
 * A tradable instrument with the reference data risk needs.
 * <p>
 * This record is immutable and thread-safe.
 *
 * @param instrumentId unique id
 * @param symbol       ticker or display symbol
 * @param assetClass   e.g. EQUITY, FUTURE, FX
 * @param sector       e.g. TECH, FINANCIALS, ENERGY
 * @param currency     ISO currency of the price
 * @param contractSize currency value of one price unit per unit of quantity (1 for cash equities)
 * @param marginRate   fraction of gross market value held as margin, in [0, 1]
 */
public record Instrument(String instrumentId, String symbol, String assetClass, String sector, String currency,
                         double contractSize, double marginRate) {

    public Instrument {
        Guard.notBlank(instrumentId, "instrumentId");
        Guard.notBlank(symbol, "symbol");
        Guard.notBlank(assetClass, "assetClass");
        Guard.notBlank(sector, "sector");
        Guard.notBlank(currency, "currency");
        Guard.positive(contractSize, "contractSize");
        Guard.inRange(marginRate, 0, 1, "marginRate");
    }
}
