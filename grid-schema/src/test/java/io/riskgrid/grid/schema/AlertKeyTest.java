package io.riskgrid.grid.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertKeyTest {

    @Test
    void anAlertIdNamesItsAccountAndNumber() {
        assertThat(AlertKey.alertId("ACC-001", 17)).isEqualTo("ACC-001-A17");
        AlertKey key = AlertKey.ofAlertId("ACC-001-A17");
        assertThat(key.accountId()).isEqualTo("ACC-001");
        assertThat(key.alertId()).isEqualTo("ACC-001-A17");
        assertThat(AlertKey.sequenceOf("ACC-001", "ACC-001-A17")).isEqualTo(17);
        // An account id that itself contains "-A<digits>": the last mark separates the number.
        assertThat(AlertKey.ofAlertId("X-A1-A2").accountId()).isEqualTo("X-A1");
    }

    @Test
    void idsNotOfTheFormAreRefused() {
        assertThat(AlertKey.ofAlertId("ACC-001-A")).isNull();
        assertThat(AlertKey.ofAlertId("ACC-001-Ax")).isNull();
        assertThat(AlertKey.ofAlertId("-A3")).isNull();
        assertThat(AlertKey.ofAlertId("nothing")).isNull();
        assertThat(AlertKey.ofAlertId(null)).isNull();
        assertThat(AlertKey.sequenceOf("ACC-001", "ACC-002-A1")).isEqualTo(-1);
        assertThat(AlertKey.sequenceOf("ACC-001", "ACC-001-A1x")).isEqualTo(-1);
    }
}
