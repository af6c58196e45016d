package io.settlekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.settlekit.base.ValidationException;
import io.settlekit.job.memory.InMemoryJobLocks;
import io.settlekit.billing.LedgerOrder;
import io.settlekit.billing.LedgerRows;
import io.settlekit.billing.MerchantAccount;
import io.settlekit.billing.MerchantLedger;
import io.settlekit.billing.reminder.memory.InMemoryReminderLog;
import io.settlekit.billing.reminder.memory.InMemoryReminderNotifier;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A service's kit never runs its jobs on an in-memory lock, notifier or reminder log by accident: the
 * build refuses, naming the port; an embedded kit or one built without jobs says so explicitly.
 */
class SettlekitBuilderTest {
    /** A ledger that is not the in-memory one: the host's real merchants. */
    private static final MerchantLedger HOST_LEDGER = new MerchantLedger() {
        @Override
        public LedgerRows<MerchantAccount> accounts(Collection<String> merchantIds) {
            return LedgerRows.of(Map.of());
        }

        @Override
        public LedgerRows<List<LedgerOrder>> openOrders(Collection<String> merchantIds, LocalDate since) {
            return LedgerRows.of(Map.of());
        }
    };

    private static ValidationException refused(ThrowingCallable build) {
        return catchThrowableOfType(build, ValidationException.class);
    }

    @Test
    void aServiceKitWithJobsNeedsAJobLock() {
        ValidationException e = refused(() -> Settlekit.builder().build());

        assertThat(e.code()).isEqualTo("missing_field");
        assertThat(e.field()).contains("job_locks");
        assertThat(e.getMessage()).contains("withoutJobs()").contains("Settlekit.embedded()");
    }

    @Test
    void aServiceKitWithRealMerchantsNeedsARealNotifierAndReminderLog() {
        Clock clock = Clock.systemUTC();
        ValidationException notifier = refused(() -> Settlekit.builder().merchantLedger(HOST_LEDGER)
                .jobLocks(new InMemoryJobLocks(clock)).build());
        ValidationException log = refused(() -> Settlekit.builder().merchantLedger(HOST_LEDGER)
                .jobLocks(new InMemoryJobLocks(clock)).reminderNotifier(message -> "id").build());

        assertThat(notifier.field()).contains("reminder_notifier");
        assertThat(log.field()).contains("reminder_log");
        assertThatCode(() -> Settlekit.builder().merchantLedger(HOST_LEDGER).jobLocks(new InMemoryJobLocks(clock))
                .reminderNotifier(message -> "id").reminderLog(new InMemoryReminderLog()).build())
                .as("ports set explicitly, even in memory, are the host's choice").doesNotThrowAnyException();
    }

    @Test
    void aKitWithoutJobsNeedsNoJobPortsAndRefusesItsJobs() {
        Settlekit kit = Settlekit.builder().merchantLedger(HOST_LEDGER).withoutJobs().build();

        assertThat(kit.bills()).isNotNull();
        assertThat(refused(kit::reminderJob).field()).contains("reminder_job");
        assertThat(refused(kit::jobRunner).field()).contains("job_runner");
        assertThat(refused(kit::balanceRefresh).field()).contains("balance_refresh");
    }

    @Test
    void anEmbeddedKitMayKeepEverythingInMemory() {
        Settlekit kit = Settlekit.embedded().merchantLedger(HOST_LEDGER).reminderNotifier(new InMemoryReminderNotifier()).build();

        assertThat(kit.reminderJob()).isNotNull();
        assertThat(kit.jobRunner()).isNotNull();
    }
}
