package io.settlekit.money.archfixture;

/** Fixture: money held in a double. The architecture rules must reject it. */
public final class FloatingPointMoney {
    private double amount;

    double add(double more) {
        amount += more;
        return amount;
    }
}
