package io.riskgrid.core.var;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VarRequestTest {

    @Test
    void accountRequestCarriesItsAccountAndFirmRequestNone() {
        VarRequest a = VarRequest.account("ACC-1", VarMethod.MONTE_CARLO, 0.99, 10, 20_000, 7);
        assertThat(a.scope()).isEqualTo(VarScope.ACCOUNT);
        assertThat(a.accountId()).isEqualTo("ACC-1");
        assertThat(a.method()).isEqualTo(VarMethod.MONTE_CARLO);
        assertThat(a.horizonDays()).isEqualTo(10);
        assertThat(a.paths()).isEqualTo(20_000);
        assertThat(a.seed()).isEqualTo(7);
        VarRequest f = VarRequest.firm(VarMethod.PARAMETRIC, 0.95, 1, 10_000, 1);
        assertThat(f.scope()).isEqualTo(VarScope.FIRM);
        assertThat(f.accountId()).isNull();
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> VarRequest.account(" ", VarMethod.PARAMETRIC, 0.99, 1, 10_000, 1))
                .hasMessage("accountId is required");
        assertThatThrownBy(() -> VarRequest.firm(VarMethod.PARAMETRIC, 1.0, 1, 10_000, 1))
                .hasMessage("confidence must be between 0 and 1 (exclusive), was 1.0");
        assertThatThrownBy(() -> VarRequest.firm(VarMethod.PARAMETRIC, 0.99, 0, 10_000, 1))
                .hasMessage("horizonDays must be between 1 and 250, was 0");
        assertThatThrownBy(() -> VarRequest.firm(VarMethod.MONTE_CARLO, 0.99, 1, 50, 1))
                .hasMessage("paths must be between 100 and 1000000, was 50");
        assertThatThrownBy(() -> VarRequest.firm(null, 0.99, 1, 10_000, 1)).hasMessage("method is required");
    }
}
