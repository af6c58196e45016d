package io.settlekit.examples.demo;

import io.settlekit.base.CurrencyMismatchException;
import io.settlekit.base.PermissionDeniedException;
import io.settlekit.Settlekit;
import io.settlekit.access.Actor;
import io.settlekit.access.Permission;
import io.settlekit.currency.CustomerRef;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.money.FeeRate;
import io.settlekit.money.FeeType;
import io.settlekit.money.RateBook;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Demo section: fee types, station rates with history, conversion, per-currency totals, currency rules. */
final class MoneyDemo {
    private final PrintStream out;
    private final Clock clock;

    MoneyDemo(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    void run() {
        Settlekit kit = Settlekit.embedded().clock(clock).build();
        RateBook rates = kit.rateBook();
        Actor finance = Actor.user("finance-1", Permission.EDIT_FEE_RATE, Permission.GET_FEE_RATE);
        Actor clerk = Actor.user("clerk-7", Permission.GET_FEE_RATE);

        Demo.heading(out, "Money: fee types and station rates");
        for (FeeType type : kit.feeTypes().list()) {
            out.printf("fee type %s  %s %s (%s)%n", type.code(), type.symbol(), type.name(), type.unit());
        }
        rates.save(finance, "T1001", "HKD", "CNY", new BigDecimal("0.9235"));
        rates.save(finance, "T1001", "CNY", "HKD", new BigDecimal("1.0800"));
        for (FeeRate rate : rates.list(clerk, "T1001", Optional.empty(), Optional.empty())) {
            out.printf("station %s: 1 %s = %s %s (saved %s)%n", rate.station(), rate.from(), rate.value(), rate.to(), rate.savedAt());
        }
        try {
            rates.save(clerk, "T1001", "HKD", "CNY", new BigDecimal("0.5"));
        } catch (PermissionDeniedException denied) {
            out.println("clerk-7 may not save rates: " + denied.code() + " (" + denied.getMessage() + ")");
        }

        Demo.heading(out, "Money: conversion and per-currency totals");
        Amount hkd = Amount.ofMinor("HKD", 12345);
        out.printf("%s -> %s (direct rate, one HALF_UP rounding)%n", hkd, rates.convert(hkd, "CNY", "T1001"));
        CurrencyTotals totals = CurrencyTotals.of(List.of(
                Amount.ofMinor("CNY", 100), Amount.ofMinor("HKD", 250), Amount.ofMinor("CNY", 5)));
        out.printf("totals of [1.00 CNY, 2.50 HKD, 0.05 CNY] = %s fen; in CNY: %s%n", totals, rates.convert(totals, "CNY", "T1001"));

        Demo.heading(out, "Money: currency consistency rules");
        CustomerRef hkCustomer = new CustomerRef("KID-42", "HKD");
        out.println("order for KID-42 with lines [HKD, HKD] -> fee type "
                + kit.currencyRules().orderFeeType(hkCustomer, List.of("HKD", "HKD")));
        try {
            kit.currencyRules().orderFeeType(hkCustomer, List.of("HKD", "CNY"));
        } catch (CurrencyMismatchException mismatch) {
            out.println("order for KID-42 with lines [HKD, CNY] refused: " + mismatch.getMessage());
        }
    }
}
