package io.settlekit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.reconcile.Channel;
import io.settlekit.reconcile.Direction;
import io.settlekit.reconcile.LineKind;
import io.settlekit.reconcile.ReconciledItem;
import io.settlekit.reconcile.ReconciliationReports;
import io.settlekit.reconcile.ReconciliationSummary;
import io.settlekit.reconcile.Receivable;
import io.settlekit.reconcile.Reconciler;
import io.settlekit.reconcile.ReportDraft;
import io.settlekit.reconcile.ReportKey;
import io.settlekit.reconcile.SettlementLine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ReconciliationReports} and its {@link ReportDraft}s: a draft's items are not
 * visible before it is published (not even in part, and an earlier report of the same key stays as it
 * was); a published report reads back exactly, its items in the order added; publishing again replaces
 * the report of the key; a discarded draft leaves nothing behind in the backend (and keeps the earlier
 * report), may be discarded again, and can no longer be published; reports of different channels, sites
 * and dates are kept apart.
 *
 * <p>An adapter's test extends this class and implements {@link #reports()} and the two read-backs, which
 * look at the backend directly (the port itself only writes). A published report is compared as a
 * {@link Published}: what every report format keeps of each item and of the summary.
 *
 * <p>Not thread-safe: a JUnit test class, one instance per test method.
 */
public abstract class ReconciliationReportsContract {
    /** The key most tests use. */
    protected static final ReportKey KEY = new ReportKey(Channel.PAYPAL, "fr-cupshe", LocalDate.of(2025, 3, 14));
    private static final Instant T = Instant.parse("2025-03-14T07:14:22Z");

    /**
     * One item of a published report as every format keeps it.
     *
     * @param category      the category's code, e.g. {@code amount_mismatch}
     * @param reference     the order reference, {@code ""} when none
     * @param direction     the direction's code, {@code ""} when none
     * @param transactionId the settlement line's transaction id, {@code ""} when the item has no line
     * @param gross         the settlement line's gross, when there is a line
     * @param fee           the settlement line's fee, when there is a line
     * @param where         the settlement line's file and line, {@code file:line}, {@code ""} when no line
     * @param expected      the receivable's amount, when there is a receivable
     */
    public record Item(String category, String reference, String direction, String transactionId, Optional<Amount> gross,
                       Optional<Amount> fee, String where, Optional<Amount> expected) {
        /** What a store must keep of {@code item}. */
        public static Item of(ReconciledItem item) {
            return new Item(item.category().code(), item.reference().orElse(""), item.direction().map(Direction::code).orElse(""),
                    item.line().map(SettlementLine::transactionId).orElse(""), item.line().map(SettlementLine::gross),
                    item.line().map(SettlementLine::fee), item.line().map(line -> line.file() + ":" + line.line()).orElse(""),
                    item.receivable().map(Receivable::amount));
        }
    }

    /**
     * A published report as read back from the backend.
     *
     * @param items the items, in the order they were added
     * @param net   the summary's net of the files, per currency
     */
    public record Published(List<Item> items, CurrencyTotals net) {
        /** Copies the items. */
        public Published {
            items = List.copyOf(items);
        }

        /** What a store must keep of a report of {@code items} and {@code summary}. */
        public static Published of(List<ReconciledItem> items, ReconciliationSummary summary) {
            return new Published(items.stream().map(Item::of).toList(), summary.net());
        }
    }

    /** A new, empty store (each test starts with one). */
    protected abstract ReconciliationReports reports();

    /** The report published for {@code key}, read from the backend; empty when none is visible. */
    protected abstract Optional<Published> published(ReportKey key);

    /**
     * Every entry the backend holds (published reports and anything a draft left behind, e.g. file names
     * in a folder, rows, objects), in any order.
     */
    protected abstract List<String> stored();

    /** A report's items and summary, made by reconciling lines against receivables. */
    private record Day(List<ReconciledItem> items, ReconciliationSummary summary) {
        Published expected() {
            return Published.of(items, summary);
        }

        void addTo(ReportDraft draft) {
            items.forEach(draft::add);
        }
    }

    private static SettlementLine line(String id, String reference, String currency, long gross, long fee, long row) {
        return new SettlementLine(Channel.PAYPAL, id, Optional.ofNullable(reference), gross < 0 ? LineKind.REFUND : LineKind.PAYMENT,
                "T0006", Amount.ofMinor(currency, gross), Amount.ofMinor(currency, fee), T, "STL-20250314.01.009.CSV", row);
    }

    /** A day with an item of every side: matched, mismatched, missing, unexpected, a line without reference. */
    private static Day sample(ReportKey key) {
        List<ReconciledItem> items = new ArrayList<>();
        Reconciler reconciler = new Reconciler(key, List.of(
                new Receivable("ORD-1", Direction.FORWARD, Amount.ofMinor("USD", 8990), T),
                new Receivable("ORD-2", Direction.FORWARD, Amount.ofMinor("EUR", 7500), T),
                new Receivable("ORD-3", Direction.FORWARD, Amount.ofMinor("JPY", 4980), T)), items::add);
        reconciler.accept(line("TX1", "ORD-1", "USD", 8990, -363, 5));
        reconciler.accept(line("TX2", "ORD-2", "EUR", 7490, -259, 6));
        reconciler.accept(line("TX3", "ORD-\"4\", x", "USD", 1250, -72, 7));
        reconciler.accept(line("TX4", "Référence-中文", "EUR", -4900, 147, 8));
        reconciler.accept(new SettlementLine(Channel.PAYPAL, "TX5", Optional.empty(), LineKind.TRANSFER, "T0400",
                Amount.ofMinor("USD", -100000), Amount.zero("USD"), T, "STL-20250314.01.009.CSV", 9));
        return new Day(items, reconciler.finish(List.of("STL-20250314.01.009.CSV")));
    }

    /** Another day of the same key, different in every item. */
    private static Day rerun(ReportKey key) {
        List<ReconciledItem> items = new ArrayList<>();
        Reconciler reconciler = new Reconciler(key, List.of(
                new Receivable("ORD-9", Direction.FORWARD, Amount.ofMinor("USD", 500), T)), items::add);
        reconciler.accept(line("TX9", "ORD-9", "USD", 500, -20, 5));
        return new Day(items, reconciler.finish(List.of("STL-20250314.02.009.CSV")));
    }

    private void publish(ReconciliationReports reports, ReportKey key, Day day) {
        ReportDraft draft = reports.begin(key);
        day.addTo(draft);
        draft.publish(day.summary());
    }

    @Test
    void aPublishedReportReadsBackExactlyItsItemsInOrderAndItsSummary() {
        ReconciliationReports reports = reports();
        Day day = sample(KEY);
        assertThat(day.items()).hasSize(6);

        publish(reports, KEY, day);

        assertThat(published(KEY)).contains(day.expected());
        assertThat(stored()).hasSize(1);
    }

    @Test
    void aReportWithoutItemsIsPublishedWithItsSummary() {
        ReconciliationReports reports = reports();
        ReconciliationSummary summary = new Reconciler(KEY, List.of(), item -> { }).finish(List.of());

        reports.begin(KEY).publish(summary);

        assertThat(published(KEY)).contains(new Published(List.of(), CurrencyTotals.empty()));
    }

    @Test
    void nothingOfADraftIsVisibleBeforeItIsPublished() {
        ReconciliationReports reports = reports();
        Day earlier = rerun(KEY);
        publish(reports, KEY, earlier);
        Day day = sample(KEY);

        ReportDraft draft = reports.begin(KEY);
        assertThat(published(KEY)).contains(earlier.expected());
        day.addTo(draft);
        assertThat(published(KEY)).contains(earlier.expected());
        ReportKey fresh = new ReportKey(KEY.channel(), "de-cupshe", KEY.date());
        ReportDraft other = reports.begin(fresh);
        day.addTo(other);
        assertThat(published(fresh)).isEmpty();

        draft.publish(day.summary());
        assertThat(published(KEY)).contains(day.expected());
        assertThat(published(fresh)).isEmpty();
        other.discard();
    }

    @Test
    void publishingAgainReplacesTheReportOfTheKey() {
        ReconciliationReports reports = reports();

        publish(reports, KEY, sample(KEY));
        Day rerun = rerun(KEY);
        publish(reports, KEY, rerun);

        assertThat(published(KEY)).contains(rerun.expected());
        assertThat(stored()).hasSize(1);
    }

    @Test
    void aDiscardedDraftLeavesNothingBehindAndCannotBePublished() {
        ReconciliationReports reports = reports();
        Day day = sample(KEY);
        ReportDraft draft = reports.begin(KEY);
        day.addTo(draft);

        draft.discard();
        draft.discard(); // safe more than once

        assertThat(published(KEY)).isEmpty();
        assertThat(stored()).isEmpty();
        assertThatThrownBy(() -> draft.publish(day.summary())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> draft.add(day.items().get(0))).isInstanceOf(IllegalStateException.class);
        assertThat(published(KEY)).isEmpty();
        assertThat(stored()).isEmpty();
    }

    @Test
    void aDiscardedDraftKeepsTheEarlierReport() {
        ReconciliationReports reports = reports();
        Day earlier = sample(KEY);
        publish(reports, KEY, earlier);

        ReportDraft draft = reports.begin(KEY);
        rerun(KEY).addTo(draft);
        draft.discard();

        assertThat(published(KEY)).contains(earlier.expected());
        assertThat(stored()).hasSize(1);
    }

    @Test
    void aPublishedDraftIsClosedAndADiscardAfterItKeepsTheReport() {
        ReconciliationReports reports = reports();
        Day day = sample(KEY);
        ReportDraft draft = reports.begin(KEY);
        day.addTo(draft);
        draft.publish(day.summary());

        assertThatThrownBy(() -> draft.add(day.items().get(0))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> draft.publish(day.summary())).isInstanceOf(IllegalStateException.class);
        draft.discard(); // a clean-up in a finally block must not take the report back

        assertThat(published(KEY)).contains(day.expected());
        assertThat(stored()).hasSize(1);
    }

    @Test
    void reportsOfEachChannelSiteAndDateAreKeptApart() {
        ReconciliationReports reports = reports();
        List<ReportKey> keys = List.of(KEY, new ReportKey(Channel.AFTERPAY, KEY.site(), KEY.date()),
                new ReportKey(KEY.channel(), "de-cupshe", KEY.date()), new ReportKey(KEY.channel(), KEY.site(), KEY.date().plusDays(1)));
        List<ReportDraft> drafts = keys.stream().map(reports::begin).toList();
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            days.add(i % 2 == 0 ? sample(keys.get(i)) : rerun(keys.get(i)));
        }
        // interleaved: every draft is open while the others are written
        for (int i = 0; i < keys.size(); i++) {
            days.get(i).addTo(drafts.get(i));
        }
        for (int i = keys.size() - 1; i >= 0; i--) {
            drafts.get(i).publish(days.get(i).summary());
        }

        for (int i = 0; i < keys.size(); i++) {
            assertThat(published(keys.get(i))).as(keys.get(i).toString()).contains(days.get(i).expected());
        }
        assertThat(stored()).hasSize(keys.size()).doesNotHaveDuplicates();
    }

    @Test
    void keysThatDifferOnlyInCharactersAFileNameCannotHoldAreKeptApart() {
        ReconciliationReports reports = reports();
        List<ReportKey> keys = List.of("fr_cupshe", "fr cupshe", "fr/cupshe", "fr:cupshe", "fr-cupshé", "fr%20cupshe").stream()
                .map(site -> new ReportKey(KEY.channel(), site, KEY.date()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        // a channel and a site that would read alike were they joined with '-'
        keys.add(new ReportKey(new Channel("paypal-eu", "PAYPAL"), "cupshe", KEY.date()));
        keys.add(new ReportKey(KEY.channel(), "eu-cupshe", KEY.date()));
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            days.add(i % 2 == 0 ? sample(keys.get(i)) : rerun(keys.get(i)));
            publish(reports, keys.get(i), days.get(i));
        }

        for (int i = 0; i < keys.size(); i++) {
            assertThat(published(keys.get(i))).as(keys.get(i).toString()).contains(days.get(i).expected());
        }
        assertThat(stored()).hasSize(keys.size()).doesNotHaveDuplicates();
    }
}
