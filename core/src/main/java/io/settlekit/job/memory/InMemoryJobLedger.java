package io.settlekit.job.memory;

import io.settlekit.job.JobCompletion;
import io.settlekit.job.JobLedger;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The ledger of finished job dates in memory. Thread-safe. */
public final class InMemoryJobLedger implements JobLedger {
    private record Key(String job, LocalDate date) {
    }

    private final ConcurrentMap<Key, JobCompletion> completions = new ConcurrentHashMap<>();

    @Override
    public Optional<JobCompletion> completion(String job, LocalDate date) {
        return Optional.ofNullable(completions.get(new Key(job, date)));
    }

    @Override
    public void record(JobCompletion completion) {
        completions.put(new Key(completion.job(), completion.date()), completion);
    }
}
