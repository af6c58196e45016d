package io.settlekit.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlekit.base.CurrencyMismatchException;
import io.settlekit.base.ValidationException;
import io.settlekit.money.Amount;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ReconcileValuesTest {
    private static final CredentialsRef CREDS = new CredentialsRef("vault:settlement/afterpay-au");

    @Test
    void theSeedsTwelveSitesAndEightFeeds() {
        assertThat(Sites.sample().all()).hasSize(12);
        assertThat(Sites.sample().named("app").group()).isEqualTo(SiteGroup.APP);
        assertThat(Sites.sample().find(10).orElseThrow().name()).isEqualTo("Cupshe-DE");
        SettlementFeeds feeds = SettlementFeeds.sample();
        assertThat(feeds.all()).extracting(f -> f.channel().code() + ":" + f.site().name()).containsExactly(
                "paypal:app", "paypal:fr-cupshe", "paypal:es-cupshe", "paypal:it-cupshe",
                "afterpay:app", "afterpay:fr-cupshe", "afterpay:es-cupshe", "afterpay:au-cupshe");
        assertThat(feeds.find(Channel.AFTERPAY, Sites.sample().named("it-cupshe"))).isEmpty();
        assertThat(feeds.find(Channel.AFTERPAY, Sites.sample().named("au-cupshe")).orElseThrow().account().region())
                .isEqualTo("ap-southeast-2");
    }

    @Test
    void accountsCarryACredentialsReferenceNeverASecret() {
        ProviderAccount account = new ProviderAccount(Channel.AFTERPAY, "100900", "afterpay-settlements", "ap-southeast-2", CREDS);

        assertThat(account.toString()).contains("vault:settlement/afterpay-au").contains("100900");
        assertThat(account.folder()).isEqualTo("100900/");
        assertThatThrownBy(() -> new CredentialsRef("wJalrXUtnFEMI/K7MDENG bPxRfiCYEXAMPLEKEY"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).doesNotContain("bPxRfiCY"));
    }

    @Test
    void badConfigurationIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new ProviderAccount(Channel.PAYPAL, "../etc", "b-1", "eu-west-3", CREDS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("account_id"));
        assertThatThrownBy(() -> new ProviderAccount(Channel.PAYPAL, "acct", "Bad_Bucket", "eu-west-3", CREDS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("bucket"));
        assertThatThrownBy(() -> new ProviderAccount(Channel.PAYPAL, "acct", "bucket", "Europe", CREDS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("region"));
        assertThatThrownBy(() -> new SettlementFeed(Channel.PAYPAL, Sites.sample().named("app"),
                new ProviderAccount(Channel.AFTERPAY, "acct", "bucket", "us-west-2", CREDS), FileNaming.PAYPAL_STL))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("account.channel"));
        assertThatThrownBy(() -> Channel.of("alipay"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("alipay"));
        Site app = Sites.sample().named("app");
        SettlementFeed feed = SettlementFeeds.sample().all().get(0);
        assertThatThrownBy(() -> new SettlementFeeds(List.of(feed, feed)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("feeds[1]"));
        assertThat(app.region()).isEqualTo("us-west-2");
    }

    @Test
    void fileNamingListsByPrefixAndMatchesTheDaysFilesOnly() {
        LocalDate day = LocalDate.of(2025, 3, 14);
        assertThat(FileNaming.PAYPAL_STL.prefix(day)).isEqualTo("STL-20250314");
        assertThat(FileNaming.PAYPAL_STL.matches("STL-20250314.01.009.CSV", day)).isTrue();
        assertThat(FileNaming.PAYPAL_STL.matches("STL-20250314.R.01.02.009.CSV", day)).isTrue();
        assertThat(FileNaming.PAYPAL_STL.matches("STL-20250315.01.009.CSV", day)).isFalse();
        assertThat(FileNaming.PAYPAL_STL.matches("TRR-20250314.01.009.CSV", day)).isFalse();
        assertThat(FileNaming.AFTERPAY_SAMPLE.matches("afterpay-settlement-20250314-AU-synthetic.csv", day)).isTrue();
        assertThat(new FileNaming("settlements/{date}.csv", "yyyy-MM-dd").prefix(day)).isEqualTo("settlements/2025-03-14");
        assertThat(new FileNaming("(STL|TRR)-{date}.CSV", "yyyyMMdd").prefix(day)).isEmpty();
        assertThat(new FileNaming("a\\.b-{date}", "yyyyMMdd").prefix(day)).isEqualTo("a.b-20250314");
        assertThatThrownBy(() -> new FileNaming("STL.CSV", "yyyyMMdd"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("file_naming.pattern"));
        assertThatThrownBy(() -> new FileNaming("x{date}(", "yyyyMMdd"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("file_naming.pattern"));
        assertThatThrownBy(() -> new FileNaming("x{date}", "yyyyMMddqqqqqqq"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aReceivableWindowLooksBackInItsZone() {
        LocalDate day = LocalDate.of(2025, 3, 14);
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        assertThat(ReceivableWindow.SAME_DAY.from(day, shanghai)).isEqualTo(java.time.Instant.parse("2025-03-13T16:00:00Z"));
        assertThat(ReceivableWindow.SAME_DAY.until(day, shanghai)).isEqualTo(java.time.Instant.parse("2025-03-14T16:00:00Z"));
        SettlementFeed afterpay = SettlementFeeds.sample().find(Channel.AFTERPAY, Sites.sample().named("au-cupshe")).orElseThrow();
        assertThat(afterpay.window().from(day, shanghai)).isEqualTo(java.time.Instant.parse("2025-03-11T13:00:00Z"));
        assertThat(afterpay.window().until(day, shanghai)).isEqualTo(java.time.Instant.parse("2025-03-14T13:00:00Z"));
        assertThatThrownBy(() -> new ReceivableWindow(Optional.empty(), 32))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("window.days_before"));
    }

    @Test
    void linesAndReceivablesValidate() {
        assertThatThrownBy(() -> new SettlementLine(Channel.PAYPAL, "t", Optional.of("A"), LineKind.PAYMENT, "T0006",
                Amount.ofMinor("USD", 1), Amount.ofMinor("EUR", 0), Lines.T, "f", 1))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> new SettlementLine(Channel.PAYPAL, " ", Optional.of("A"), LineKind.PAYMENT, "T0006",
                Amount.ofMinor("USD", 1), Amount.ofMinor("USD", 0), Lines.T, "f", 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("transaction_id"));
        assertThatThrownBy(() -> Lines.forward("A", "USD", -1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("amount"));
        assertThat(Lines.payment("t", "  ", "USD", 1).orderReference()).isEmpty();
        assertThat(Direction.of("direction", "reverse")).isEqualTo(Direction.REVERSE);
        assertThatThrownBy(() -> Direction.of("direction", "back"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("back"));
    }
}
