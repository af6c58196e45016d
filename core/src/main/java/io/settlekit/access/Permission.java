package io.settlekit.access;

/** The permission codes of rule R4.2 of docs/rules.md, as the hosts' permission tables spell them. */
public enum Permission {
    /** List a station's exchange rates. */
    GET_FEE_RATE("get_fee_rate"),
    /** Save an exchange rate. */
    EDIT_FEE_RATE("edit_fee_rate"),
    /** Create a sale menu (quote) in a currency other than the default. */
    EDIT_SALEMENU_FEE_TYPE("edit_salemenu_fee_type"),
    /** Create a customer in a currency other than the default. */
    EDIT_CUSTOMER_FEE_TYPE("edit_customer_fee_type"),
    /** Create an arrival voucher in a currency other than the default. */
    EDIT_CHONGZHANG_FEE_TYPE("edit_chongzhang_fee_type"),
    /** Turn settlement reminders on; without it a reminder is stored as off. */
    ADD_SETTLE_REMIND("add_settle_remind");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    /** The code as the host's permission table has it, e.g. {@code edit_fee_rate}. */
    public String code() {
        return code;
    }
}
