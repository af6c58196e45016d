package io.settlekit.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.SettlekitException;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The SMS settings reject what Tencent Cloud would refuse later, naming the field. */
class TencentSmsSettingsTest {

    @Test
    void badSettingsNameTheirField() {
        assertThatThrownBy(() -> new TencentSmsSettings("14000x", "观麦科技", "449739", List.of()))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("sdk_app_id"));
        assertThatThrownBy(() -> new TencentSmsSettings("1400006666", " ", "449739", List.of()))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("sign_name"));
        assertThatThrownBy(() -> new TencentSmsSettings("1400006666", "观麦科技", "", List.of()))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("template_id"));
        assertThatThrownBy(() -> new TencentSmsSettings("1400006666", "观麦科技", "449739", List.of("amount_due", "phone")))
                .isInstanceOfSatisfying(SettlekitException.class, e -> assertThat(e.field()).contains("template_params[1]"));
    }
}
