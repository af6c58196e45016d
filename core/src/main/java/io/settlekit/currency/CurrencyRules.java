package io.settlekit.currency;

import io.settlekit.internal.Checks;
import io.settlekit.base.CurrencyMismatchException;
import io.settlekit.base.ValidationException;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.money.DefaultFeeType;
import io.settlekit.money.FeeTypeCatalog;
import io.settlekit.money.FeeTypeCodes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The currency consistency rules R3 of docs/rules.md, one method per rule. Each returns the decided fee type
 * or throws a typed error naming the offending object: {@link CurrencyMismatchException} for a
 * disagreement, {@link ValidationException} for an unknown fee type, and
 * {@link io.settlekit.base.PermissionDeniedException} when a non-default currency needs a permission the actor
 * lacks (§4). A record without a fee type is CNY.
 *
 * <p>Thread-safe when its fee type catalog is: a final reference, no other state.
 */
public final class CurrencyRules {
    private final FeeTypeCatalog feeTypes;

    /** Rules that check every chosen fee type against {@code feeTypes}. */
    public CurrencyRules(FeeTypeCatalog feeTypes) {
        this.feeTypes = Objects.requireNonNull(feeTypes, "feeTypes");
    }

    /**
     * Rule 1: the fee type of a new sale menu; default CNY. A non-default currency needs
     * {@code edit_salemenu_fee_type}.
     *
     * @throws ValidationException naming {@code sale_menu.fee_type}: a missing actor, a malformed code, or a
     *         code not in the catalog ({@code unknown_fee_type})
     * @throws io.settlekit.base.PermissionDeniedException when the fee type is not CNY and the actor lacks {@code
     *         edit_salemenu_fee_type}
     */
    public String newSaleMenuFeeType(Actor actor, Optional<String> requested) {
        return chooseNew(actor, requested, Permission.EDIT_SALEMENU_FEE_TYPE, "sale_menu.fee_type");
    }

    /**
     * Rule 1: a SKU takes its sale menu's fee type.
     *
     * @throws ValidationException naming {@code sale_menu} when it is missing
     */
    public String skuFeeType(SaleMenuRef saleMenu) {
        return Checks.present("sale_menu", saleMenu).feeType();
    }

    /**
     * Rule 2: the fee type of an order, for every creation path (single, batch, import, back-fill): every
     * line's fee type must equal the customer's; the order takes it.
     *
     * @param customer      the ordering customer
     * @param lineFeeTypes  the fee type of each order line (its SKU's), in line order; at least one
     * @throws CurrencyMismatchException naming {@code lines[i]} of the first line that differs
     * @throws ValidationException naming the field: a missing customer, no lines, or a malformed line fee type
     */
    public String orderFeeType(CustomerRef customer, List<String> lineFeeTypes) {
        Checks.present("customer", customer);
        if (lineFeeTypes == null || lineFeeTypes.isEmpty()) {
            throw ValidationException.missing("lines");
        }
        for (int i = 0; i < lineFeeTypes.size(); i++) {
            String field = "lines[" + i + "]";
            String line = FeeTypeCodes.check(field, lineFeeTypes.get(i));
            if (!line.equals(customer.feeType())) {
                throw new CurrencyMismatchException(field, customer.feeType(), line);
            }
        }
        return customer.feeType();
    }

    /**
     * Rule 3: the fee type of a new customer; default CNY. A non-default currency needs
     * {@code edit_customer_fee_type}.
     *
     * @throws ValidationException naming {@code customer.fee_type}: a missing actor, a malformed code, or a
     *         code not in the catalog ({@code unknown_fee_type})
     * @throws io.settlekit.base.PermissionDeniedException when the fee type is not CNY and the actor lacks {@code
     *         edit_customer_fee_type}
     */
    public String newCustomerFeeType(Actor actor, Optional<String> requested) {
        return chooseNew(actor, requested, Permission.EDIT_CUSTOMER_FEE_TYPE, "customer.fee_type");
    }

    /**
     * Rule 3: binding a customer to a sale menu (at creation, import or edit) requires equal fee types.
     *
     * @return the shared fee type
     * @throws CurrencyMismatchException naming the sale menu when they differ
     * @throws ValidationException naming {@code customer} or {@code sale_menu} when it is missing
     */
    public String bindCustomerToSaleMenu(CustomerRef customer, SaleMenuRef saleMenu) {
        Checks.present("customer", customer);
        Checks.present("sale_menu", saleMenu);
        if (!customer.feeType().equals(saleMenu.feeType())) {
            throw new CurrencyMismatchException("sale_menu " + saleMenu.id(), customer.feeType(), saleMenu.feeType());
        }
        return customer.feeType();
    }

    /**
     * Rule 4: registration with an invite code takes the fee type of the invite code's sale menu; without
     * one, CNY.
     */
    public String registrationFeeType(Optional<SaleMenuRef> inviteCodeSaleMenu) {
        return inviteCodeSaleMenu.map(SaleMenuRef::feeType).orElse(FeeTypeCodes.DEFAULT);
    }

    /**
     * Rule 5: the fee type of a new arrival voucher: default CNY, and equal to its customer's. A
     * non-default currency needs {@code edit_chongzhang_fee_type}.
     *
     * @throws ValidationException naming {@code voucher.fee_type}: a missing actor, a malformed code, or a code
     *         not in the catalog ({@code unknown_fee_type})
     * @throws io.settlekit.base.PermissionDeniedException when the fee type is not CNY and the actor lacks {@code
     *         edit_chongzhang_fee_type}
     * @throws CurrencyMismatchException naming the customer when its fee type differs from the voucher's
     */
    public String newVoucherFeeType(Actor actor, Optional<String> requested, CustomerRef customer) {
        Checks.present("customer", customer);
        String feeType = chooseNew(actor, requested, Permission.EDIT_CHONGZHANG_FEE_TYPE, "voucher.fee_type");
        if (!feeType.equals(customer.feeType())) {
            throw new CurrencyMismatchException("customer " + customer.id(), feeType, customer.feeType());
        }
        return feeType;
    }

    /**
     * Rule 5: writing off (冲账) orders with a voucher requires every order's fee type to equal the
     * voucher's; the write-off records take the voucher's fee type.
     *
     * @throws CurrencyMismatchException naming the first order that differs
     * @throws ValidationException naming {@code voucher} or {@code orders} when missing or empty
     */
    public String writeOffFeeType(VoucherRef voucher, List<OrderRef> orders) {
        Checks.present("voucher", voucher);
        if (orders == null || orders.isEmpty()) {
            throw ValidationException.missing("orders");
        }
        for (OrderRef order : orders) {
            if (!order.feeType().equals(voucher.feeType())) {
                throw new CurrencyMismatchException("order " + order.id(), voucher.feeType(), order.feeType());
            }
        }
        return voucher.feeType();
    }

    /**
     * Rule 5: a refund takes its order's fee type.
     *
     * @throws ValidationException naming {@code order} when it is missing
     */
    public String refundFeeType(OrderRef order) {
        return Checks.present("order", order).feeType();
    }

    private String chooseNew(Actor actor, Optional<String> requested, Permission permission, String field) {
        Checks.present("actor", actor);
        String feeType = DefaultFeeType.resolve(requested.map(code -> FeeTypeCodes.check(field, code)));
        feeTypes.require(field, feeType);
        if (!feeType.equals(FeeTypeCodes.DEFAULT)) {
            actor.require(permission);
        }
        return feeType;
    }
}
