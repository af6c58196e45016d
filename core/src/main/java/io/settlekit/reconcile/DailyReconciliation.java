package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.ErrorCode;
import io.settlekit.base.NotFoundException;
import io.settlekit.base.SettlekitException;
import io.settlekit.base.ValidationException;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily settlement-file job, one entry point per configured (channel, site, date): find the day's
 * files by the feed's naming convention, archive them when an archive is configured, parse them,
 * load the site's receivables of the day, reconcile, and publish the report.
 *
 * <p>Missing files are an outcome ({@link ReconcileOutcome.NoFiles}), as is a malformed file
 * ({@link ReconcileOutcome.Rejected}, nothing published). The receivables are those of the feed's
 * {@link ReceivableWindow} (by default {@code [d 00:00, d+1 00:00)} in the deployment zone). Running a day again replaces its report. This class takes no lock: a host
 * (or the SDK's job context) decides where and how often it runs.
 *
 * <p>Thread-safe when its ports and listener are: only final fields (parsers copied into an immutable map), each run
 * keeps its state on its own stack.
 */
public final class DailyReconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(DailyReconciliation.class);

    private final SettlementFeeds feeds;
    private final SettlementFiles files;
    private final Map<Channel, SettlementParser> parsers;
    private final ReceivableSource receivables;
    private final ReconciliationReports reports;
    private final Optional<SettlementArchive> archive;
    private final ZoneId zone;
    private final ReconcileListener listener;

    /**
     * @param feeds       which (channel, site) pairs have files, and where
     * @param files       where the files are read from
     * @param parsers     the parser of each channel's format
     * @param receivables the shop's receivables
     * @param reports     where reports are published
     * @param archive     where raw files are copied to, if anywhere
     * @param zone        the deployment zone in which dates are read
     * @param listener    progress and outcomes
     */
    public DailyReconciliation(SettlementFeeds feeds, SettlementFiles files, Map<Channel, SettlementParser> parsers,
                               ReceivableSource receivables, ReconciliationReports reports,
                               Optional<SettlementArchive> archive, ZoneId zone, ReconcileListener listener) {
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.files = Objects.requireNonNull(files, "files");
        this.parsers = Map.copyOf(parsers);
        this.receivables = Objects.requireNonNull(receivables, "receivables");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The configured feeds. */
    public SettlementFeeds feeds() {
        return feeds;
    }

    /**
     * Reconciles {@code channel} and {@code site} for {@code date}.
     *
     * @throws ValidationException      when the pair has no feed or the channel no parser
     * @throws io.settlekit.base.InfrastructureException when a store fails (nothing published; retry)
     * @throws NotFoundException naming the file when a listed file vanished before it was read (nothing
     *         published)
     */
    public ReconcileOutcome run(Channel channel, Site site, LocalDate date) {
        Checks.present("channel", channel);
        Checks.present("site", site);
        Checks.present("date", date);
        SettlementFeed feed = feeds.find(channel, site).orElseThrow(() -> ValidationException.invalid("site",
                site.name(), "has no settlement files configured for channel " + channel.code()));
        SettlementParser parser = Optional.ofNullable(parsers.get(channel)).orElseThrow(() -> ValidationException.invalid(
                "channel", channel.code(), "has no settlement file parser configured"));
        ReportKey key = new ReportKey(channel, site.name(), date);
        ReconcileOutcome outcome = reconcile(feed, parser, key);
        LOG.info("reconciliation {}: {}", key, outcome.status());
        listener.finished(outcome);
        return outcome;
    }

    /**
     * The reconciliation of {@code channel} and {@code site} as a daily job, to run through
     * {@link io.settlekit.job.JobRunner} (one instance at a time, once per date once its report is published).
     *
     * @throws ValidationException naming {@code channel} or {@code site} when missing, or the site when the
     *         pair has no feed
     */
    public ReconciliationJob job(Channel channel, Site site) {
        feeds.find(Checks.present("channel", channel), Checks.present("site", site)).orElseThrow(() -> ValidationException.invalid(
                "site", site.name(), "has no settlement files configured for channel " + channel.code()));
        return new ReconciliationJob(this, channel, site);
    }

    /** One daily job per configured feed. */
    public List<ReconciliationJob> jobs() {
        return feeds.all().stream().map(feed -> new ReconciliationJob(this, feed.channel(), feed.site())).toList();
    }

    /**
     * Runs every configured feed for {@code date}, one after the other; a feed whose store fails is
     * reported as {@link ReconcileOutcome.Failed} and the others still run.
     *
     * @throws ValidationException naming {@code date} when it is missing, or the channel when a feed's channel
     *         has no parser (a configuration error: the run stops)
     */
    public List<ReconcileOutcome> runAll(LocalDate date) {
        List<ReconcileOutcome> outcomes = new ArrayList<>();
        for (SettlementFeed feed : feeds.all()) {
            try {
                outcomes.add(run(feed.channel(), feed.site(), date));
            } catch (ValidationException misconfigured) {
                throw misconfigured;
            } catch (SettlekitException failure) {
                ReconcileOutcome failed = new ReconcileOutcome.Failed(new ReportKey(feed.channel(), feed.site().name(), date), failure);
                LOG.warn("reconciliation {} failed: {}", failed.key(), failure.getMessage());
                listener.finished(failed);
                outcomes.add(failed);
            }
        }
        return outcomes;
    }

    private ReconcileOutcome reconcile(SettlementFeed feed, SettlementParser parser, ReportKey key) {
        ProviderAccount account = feed.account();
        String prefix = feed.naming().prefix(key.date());
        List<SettlementFile> dayFiles = files.list(account, prefix).stream()
                .filter(file -> feed.naming().matches(file.name(), key.date()))
                .toList();
        if (dayFiles.isEmpty()) {
            return new ReconcileOutcome.NoFiles(key, prefix);
        }
        List<String> names = dayFiles.stream().map(SettlementFile::name).toList();
        archive.ifPresent(store -> dayFiles.forEach(file -> {
            try (InputStream content = openListed(account, file.name())) {
                store.archive(key, file.name(), content);
            } catch (java.io.IOException e) {
                throw new io.settlekit.base.InfrastructureException("archiving settlement file " + file.name() + " of " + key, e);
            }
        }));

        Instant from = feed.window().from(key.date(), zone);
        Instant until = feed.window().until(key.date(), zone);
        ReceivableIndex.Builder index = ReceivableIndex.builder();
        receivables.read(feed.channel(), feed.site(), from, until, index);
        ReceivableIndex expected = index.build();

        List<SettlementInput> inputs = dayFiles.stream()
                .map(file -> new SettlementInput(file.name(), () -> {
                    listener.fileStarted(key, file);
                    return openListed(account, file.name());
                }))
                .toList();
        ReportDraft draft = reports.begin(key);
        try {
            Reconciler reconciler = new Reconciler(key, expected, draft::add);
            parser.parse(inputs, reconciler::accept);
            ReconciliationSummary summary = reconciler.finish(names);
            draft.publish(summary);
            return new ReconcileOutcome.Completed(key, summary);
        } catch (MalformedFileException malformed) {
            draft.discard();
            LOG.warn("reconciliation {} rejected: {}", key, malformed.getMessage());
            return new ReconcileOutcome.Rejected(key, names, malformed);
        } catch (RuntimeException failure) {
            draft.discard();
            throw failure;
        }
    }

    /** Opens a file that was just listed; one that vanished since is an error, not a quiet skip. */
    private InputStream openListed(ProviderAccount account, String name) {
        return files.open(account, name).orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "file",
                "settlement file '" + name + "' of account " + account.accountId() + " vanished after it was listed"));
    }
}
