package io.settlekit.money.archfixture;

/** Fixture: a core class printing to standard out. The architecture rules must reject it. */
public final class PrintingCore {
    void print() {
        System.out.println("never run");
    }
}
