package io.settlekit.currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.CurrencyMismatchException;
import io.settlekit.base.PermissionDeniedException;
import io.settlekit.base.ValidationException;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.money.FeeType;
import io.settlekit.money.FeeTypeCatalog;
import io.settlekit.money.memory.InMemoryFeeTypeStore;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CurrencyRulesTest {
    private final CurrencyRules rules = new CurrencyRules(new FeeTypeCatalog(new InMemoryFeeTypeStore(List.of(
            FeeType.CNY, FeeType.HKD, new FeeType("MYR", "令吉", "马来西亚令吉", "RM")))));
    private final Actor plain = Actor.user("clerk");
    private final CustomerRef hkCustomer = new CustomerRef("KID-1", "HKD");

    @Test
    void aSaleMenuDefaultsToCnyAndNeedsAPermissionForAnotherCurrency() {
        assertThat(rules.newSaleMenuFeeType(plain, Optional.empty())).isEqualTo("CNY");
        assertThat(rules.newSaleMenuFeeType(plain, Optional.of("CNY"))).isEqualTo("CNY");
        assertThat(rules.newSaleMenuFeeType(Actor.user("pm", Permission.EDIT_SALEMENU_FEE_TYPE), Optional.of("HKD"))).isEqualTo("HKD");
        assertThatThrownBy(() -> rules.newSaleMenuFeeType(plain, Optional.of("HKD")))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.permission()).isEqualTo("edit_salemenu_fee_type"));
        assertThatThrownBy(() -> rules.newSaleMenuFeeType(Actor.admin("root"), Optional.of("USD")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown_fee_type");
                    assertThat(e.field()).contains("sale_menu.fee_type");
                });
    }

    @Test
    void aSkuTakesItsSaleMenusFeeType() {
        assertThat(rules.skuFeeType(new SaleMenuRef("S-1", "HKD"))).isEqualTo("HKD");
    }

    @Test
    void anOrdersLinesMustAllMatchItsCustomer() {
        assertThat(rules.orderFeeType(hkCustomer, List.of("HKD", "HKD", "HKD"))).isEqualTo("HKD");
        assertThatThrownBy(() -> rules.orderFeeType(hkCustomer, List.of("HKD", "HKD", "CNY")))
                .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
                    assertThat(e.subject()).isEqualTo("lines[2]");
                    assertThat(e.expected()).isEqualTo("HKD");
                    assertThat(e.actual()).isEqualTo("CNY");
                    assertThat(e.field()).contains("lines[2]");
                });
        assertThatThrownBy(() -> rules.orderFeeType(new CustomerRef("KID-2", "CNY"), List.of("HKD", "HKD")))
                .as("lines agreeing with each other but not with the customer")
                .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> assertThat(e.subject()).isEqualTo("lines[0]"));
        assertThatThrownBy(() -> rules.orderFeeType(hkCustomer, List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("lines"));
        assertThatThrownBy(() -> rules.orderFeeType(hkCustomer, List.of("HKD", "hk")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("lines[1]"));
    }

    @Test
    void aCustomerDefaultsToCnyAndBindsOnlyToASaleMenuOfItsCurrency() {
        assertThat(rules.newCustomerFeeType(plain, Optional.empty())).isEqualTo("CNY");
        assertThatThrownBy(() -> rules.newCustomerFeeType(plain, Optional.of("HKD")))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.permission()).isEqualTo("edit_customer_fee_type"));
        assertThat(rules.bindCustomerToSaleMenu(hkCustomer, new SaleMenuRef("S-9", "HKD"))).isEqualTo("HKD");
        assertThatThrownBy(() -> rules.bindCustomerToSaleMenu(hkCustomer, new SaleMenuRef("S-7", "CNY")))
                .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> {
                    assertThat(e.subject()).isEqualTo("sale_menu S-7");
                    assertThat(e.getMessage()).contains("S-7").contains("HKD");
                });
    }

    @Test
    void registrationFollowsTheInviteCodesSaleMenuElseCny() {
        assertThat(rules.registrationFeeType(Optional.of(new SaleMenuRef("S-1", "HKD")))).isEqualTo("HKD");
        assertThat(rules.registrationFeeType(Optional.empty())).isEqualTo("CNY");
    }

    @Test
    void aVoucherMatchesItsCustomerAndWritesOffOnlyOrdersOfItsCurrency() {
        Actor cashier = Actor.user("cashier", Permission.EDIT_CHONGZHANG_FEE_TYPE);
        assertThat(rules.newVoucherFeeType(cashier, Optional.of("HKD"), hkCustomer)).isEqualTo("HKD");
        assertThatThrownBy(() -> rules.newVoucherFeeType(plain, Optional.of("HKD"), hkCustomer))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.permission()).isEqualTo("edit_chongzhang_fee_type"));
        assertThatThrownBy(() -> rules.newVoucherFeeType(plain, Optional.empty(), hkCustomer))
                .as("a default-currency voucher for an HKD customer")
                .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> assertThat(e.subject()).isEqualTo("customer KID-1"));

        VoucherRef voucher = new VoucherRef("V-1", "HKD");
        assertThat(rules.writeOffFeeType(voucher, List.of(new OrderRef("PL1", "HKD"), new OrderRef("PL2", "HKD")))).isEqualTo("HKD");
        assertThatThrownBy(() -> rules.writeOffFeeType(voucher, List.of(new OrderRef("PL1", "HKD"), new OrderRef("PL2", "CNY"))))
                .isInstanceOfSatisfying(CurrencyMismatchException.class, e -> assertThat(e.subject()).isEqualTo("order PL2"));
        assertThat(rules.refundFeeType(new OrderRef("PL3", "MYR"))).isEqualTo("MYR");
    }
}
