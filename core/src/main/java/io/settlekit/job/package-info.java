/**
 * Jobs that run once: {@link io.settlekit.job.JobRunner} runs any {@link io.settlekit.job.DailyJob} at most
 * once at a time across service instances ({@link io.settlekit.job.JobLocks}) and at most once per date
 * ({@link io.settlekit.job.JobLedger}) unless forced; {@link io.settlekit.job.DailyScheduler} fires it
 * daily for hosts without a scheduler of their own.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.job;
