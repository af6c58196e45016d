package io.settlekit.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.settlekit.base.ErrorCode;
import io.settlekit.base.ValidationException;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** A merchant account never echoes a phone number, not even one it refuses. */
class MerchantAccountTest {

    @Test
    void anOverLongPhoneIsRefusedNamingTheFieldButNeverTheValue() {
        String phones = "+8613800138000;+8613900139000;+8613700137000";

        ValidationException e = catchThrowableOfType(
                () -> new MerchantAccount("1001", "鲜果坊", "CNY", Optional.of(phones)), ValidationException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE.code());
        assertThat(e.field()).contains("phone");
        assertThat(e.isHidden()).isTrue();
        assertThat(e.value()).isNull();
        assertThat(e.getMessage()).contains("phone").contains("at most " + MerchantAccount.MAX_PHONE_LENGTH)
                .doesNotContain("138").doesNotContain("139").doesNotContain("137");
        assertThat(e.toString()).doesNotContain("13800138000");
    }

    @Test
    void aPhoneAtTheLimitIsKeptExactlyAndMaskedInToString() {
        String phone = "+86138001380001234567890123456789".substring(0, MerchantAccount.MAX_PHONE_LENGTH);

        MerchantAccount account = new MerchantAccount("1001", "鲜果坊", "CNY", Optional.of(" " + phone + " "));

        assertThat(account.phone()).contains(phone);
        assertThat(account.toString()).doesNotContain(phone.substring(6, 20));
    }

    @Test
    void otherFieldsStillNameTheirValue() {
        ValidationException e = catchThrowableOfType(
                () -> new MerchantAccount("1001", "鲜果坊", "C$1", Optional.empty()), ValidationException.class);

        assertThat(e.isHidden()).isFalse();
        assertThat(e.getMessage()).contains("fee_type").contains("C$1");
    }
}
