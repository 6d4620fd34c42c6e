package io.riskgrid.breach;

import io.riskgrid.grid.schema.AccountRiskRow;
import org.apache.ignite.cache.CacheEntryEventSerializableFilter;

import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;

/**
 * The remote filter of the {@link RiskChangeFeed}: runs on the server node that holds an
 * ACCOUNT_RISK entry, next to the write, and lets through only created and updated entries whose
 * change {@link MaterialRiskChange} calls material, so immaterial updates never cross the network.
 * The decision itself is {@link MaterialRiskChange#isMaterial}; this class only unpacks the event.
 * <p>
 * Peer class loading is off in RiskGrid, so this class must be on every server node's classpath
 * (grid-node depends on this module). It runs on the writing thread, so it does no I/O and no cache
 * access. This class is immutable and thread-safe.
 */
public final class MaterialRiskChangeFilter implements CacheEntryEventSerializableFilter<String, AccountRiskRow> {

    private static final long serialVersionUID = 1L;

    private final MaterialRiskChange rule;

    public MaterialRiskChangeFilter(MaterialRiskChange rule) {
        if (rule == null) {
            throw new IllegalArgumentException("rule is required");
        }
        this.rule = rule;
    }

    /** The rule this filter applies. */
    public MaterialRiskChange rule() {
        return rule;
    }

    @Override
    public boolean evaluate(CacheEntryEvent<? extends String, ? extends AccountRiskRow> event) {
        EventType type = event.getEventType();
        if (type != EventType.CREATED && type != EventType.UPDATED) {
            return false;
        }
        return rule.isMaterial(type == EventType.CREATED ? null : event.getOldValue(), event.getValue());
    }
}
