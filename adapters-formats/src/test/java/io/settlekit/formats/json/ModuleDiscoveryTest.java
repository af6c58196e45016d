package io.settlekit.formats.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A host's plain {@code ObjectMapper} finds the wire modules through Jackson's service loading
 * ({@code findAndRegisterModules()}), with no Settlekit class named in its code.
 */
class ModuleDiscoveryTest {

    @Test
    void findAndRegisterModulesLoadsBothWireModules() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

        assertThat(mapper.getRegisteredModuleIds()).contains("settlekit-money", "settlekit-settlement");
        assertThat(mapper.writeValueAsString(Amount.ofMinor("CNY", 12300))).isEqualTo("{\"fee\":12300,\"fee_type\":\"CNY\"}");
        assertThat(mapper.readValue("{\"fee\":-45,\"fee_type\":\"HKD\"}", Amount.class)).isEqualTo(Amount.ofMinor("HKD", -45));
        assertThat(mapper.writeValueAsString(CurrencyTotals.of(List.of(Amount.ofMinor("CNY", 12300), Amount.ofMinor("HKD", 4500)))))
                .isEqualTo("{\"CNY\":12300,\"HKD\":4500}");
    }

}
