package io.settlekit.examples.demo;

import io.settlekit.Settlekit;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The embedded demo: every context of the SDK end to end on in-memory adapters, printed readably. Each
 * context contributes one section.
 */
public final class Demo {
    private final PrintStream out;

    /** A demo printing to {@code out}. */
    public Demo(PrintStream out) {
        this.out = out;
    }

    /** Runs every section. */
    public void run() {
        ZoneId zone = Settlekit.DEFAULT_ZONE;
        Clock clock = Clock.fixed(ZonedDateTime.of(2026, 11, 21, 10, 0, 0, 0, zone).toInstant(), zone);
        out.println("Settlekit demo — embedded defaults (in-memory adapters), zone " + zone + ", now " + clock.instant());
        new MoneyDemo(out, clock).run();
        new BillingDemo(out, clock).run();
        new BalanceDemo(out, clock).run();
        new ReconcileDemo(out, clock).run();
    }

    static void heading(PrintStream out, String title) {
        out.println();
        out.println("== " + title + " " + "=".repeat(Math.max(0, 70 - title.length())));
    }
}
