package io.settlekit.resilience.faults;

import io.settlekit.formats.json.ReceivableJsonLines;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.SettlementFeed;
import io.settlekit.reconcile.SettlementFeeds;
import io.settlekit.reconcile.Site;
import io.settlekit.reconcile.Sites;
import io.settlekit.reconcile.memory.InMemoryReceivables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The examples' PayPal sample day (fr-cupshe, 2025-03-14): its STL file and its receivables. */
final class ReconcileSamples {
    static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    static final String STL_FILE = "STL-20250314.01.009.CSV";
    static final Site FR = Sites.sample().named("fr-cupshe");
    static final SettlementFeed PAYPAL_FR = SettlementFeeds.sample().find(Channel.PAYPAL, FR).orElseThrow();

    private static final String SAMPLES = "/io/settlekit/examples/samples/";

    private ReconcileSamples() {
    }

    /** The sample STL file's bytes. */
    static byte[] stlFile() {
        try (InputStream in = resource(STL_FILE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample day's PayPal receivables of fr-cupshe. */
    static InMemoryReceivables receivables() {
        InMemoryReceivables receivables = new InMemoryReceivables();
        String name = "receivables-paypal-20250314.jsonl";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            new ReceivableJsonLines().read(name, in, receivable -> receivables.add(Channel.PAYPAL, FR, receivable));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return receivables;
    }

    private static InputStream resource(String name) {
        InputStream in = ReconcileSamples.class.getResourceAsStream(SAMPLES + name);
        if (in == null) {
            throw new IllegalStateException("missing sample " + name + " (settlekit-examples on the class path)");
        }
        return in;
    }
}
