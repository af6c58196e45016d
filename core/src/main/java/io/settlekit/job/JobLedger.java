package io.settlekit.job;


import io.settlekit.base.Port;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which (job, date) pairs are done: the date key that keeps a nightly job from redoing finished work.
 */
@Port
public interface JobLedger {

    /** The completion of {@code job} for {@code date}, if recorded. */
    Optional<JobCompletion> completion(String job, LocalDate date);

    /** Records a completion, replacing any earlier one of the same job and date. */
    void record(JobCompletion completion);
}
