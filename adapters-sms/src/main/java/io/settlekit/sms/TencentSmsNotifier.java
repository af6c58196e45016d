package io.settlekit.sms;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.sms.v20210111.SmsClient;
import com.tencentcloudapi.sms.v20210111.models.PullSmsSendStatus;
import com.tencentcloudapi.sms.v20210111.models.PullSmsSendStatusByPhoneNumberRequest;
import com.tencentcloudapi.sms.v20210111.models.PullSmsSendStatusByPhoneNumberResponse;
import com.tencentcloudapi.sms.v20210111.models.SendSmsRequest;
import com.tencentcloudapi.sms.v20210111.models.SendSmsResponse;
import com.tencentcloudapi.sms.v20210111.models.SendStatus;
import io.settlekit.base.ErrorCode;
import io.settlekit.base.InfrastructureException;
import io.settlekit.base.ProviderException;
import io.settlekit.internal.Redact;
import io.settlekit.base.ValidationException;
import io.settlekit.billing.reminder.ReminderKey;
import io.settlekit.billing.reminder.ReminderMessage;
import io.settlekit.billing.reminder.ReminderNotifier;
import io.settlekit.billing.reminder.SendCheck;
import io.settlekit.billing.reminder.SendOutcomeUnknownException;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends settlement reminders as Tencent Cloud SMS ({@code SendSms}, API 2021-01-11) through the host's
 * {@link SmsClient}: one number per request, the template's parameters taken from the reminder's named
 * values, the reminder's key as {@code SessionContext}. Returns the message's {@code SerialNo}.
 *
 * <p>Errors: a refusal, of the whole request or of the number ({@code SendStatus.Code} other than
 * {@code Ok}), is a {@link ProviderException} with Tencent's code and {@code RequestId}; a request that
 * never reached Tencent (connection refused, connect timeout, unknown host) is an
 * {@link InfrastructureException}: both mean "not sent". A request written without an answer (a read
 * timeout, a connection reset, any other I/O failure after connecting) is a
 * {@link SendOutcomeUnknownException}: Tencent may have accepted it. None retries: the reminder job retries
 * "not sent" on its next run, and checks "unknown" first. Phone numbers appear masked in logs and messages.
 *
 * <p>Checking an unknown send ({@link #check}): the {@code SessionContext} sent with every message is
 * {@code merchant/period-begin/reminder-date} (the reminder log's key: no phone number, no secret), and
 * Tencent returns it in its status reports. {@code PullSmsSendStatusByPhoneNumber} lists the reports of the
 * merchant's number from an hour before the unknown attempt until now (pages of 100); a report with our
 * {@code SessionContext} and {@code ReportStatus} {@code SUCCESS} means delivered (its {@code SerialNo} is
 * recorded), {@code FAIL} means the carrier did not deliver it (a resend is not a duplicate). Limitation: a
 * report exists only once the carrier has sent one, so "no report" is read as "not delivered" only when
 * the attempt is older than {@code receiptWait} (one hour by default), and as "unknown" before that; a
 * carrier report later than that could still let a resend through. The {@code SerialNo} itself cannot be
 * used: it is in the answer that was lost. A failed status query is "unknown" (never a resend).
 *
 * <p>Give the client a read timeout: the SDK's default is none at all ({@link #newClient} sets one).
 *
 * <p>Thread-safe as far as its Tencent client is: only final fields, no state kept between sends.
 */
public final class TencentSmsNotifier implements ReminderNotifier {
    /** The provider name in {@link ProviderException#provider()}. */
    public static final String PROVIDER = "tencent-sms";

    private static final Logger LOG = LoggerFactory.getLogger(TencentSmsNotifier.class);

    /** How long after an unknown attempt a missing status report counts as "not delivered", by default. */
    public static final Duration DEFAULT_RECEIPT_WAIT = Duration.ofHours(1);
    /** How far before the recorded unknown attempt status reports are searched (the send precedes the record). */
    static final Duration LOOK_BACK = Duration.ofHours(1);
    /** Reports per status page (Tencent's maximum), and the most pages read per check. */
    private static final long PAGE = 100;
    private static final int MAX_PAGES = 20;

    private final SmsClient client;
    private final TencentSmsSettings settings;
    private final Clock clock;
    private final Duration receiptWait;

    /**
     * A notifier on the system clock, reading a missing status report as "not delivered" after
     * {@link #DEFAULT_RECEIPT_WAIT}.
     *
     * @param client   the host's client (credentials, region, endpoint, timeouts)
     * @param settings application, signature, template and parameter order
     */
    public TencentSmsNotifier(SmsClient client, TencentSmsSettings settings) {
        this(client, settings, Clock.systemUTC(), DEFAULT_RECEIPT_WAIT);
    }

    /**
     * @param client      the host's client (credentials, region, endpoint, timeouts)
     * @param settings    application, signature, template and parameter order
     * @param clock       the source of "now" for status queries
     * @param receiptWait how long after an unknown attempt a missing status report means "not delivered"
     *                    (before that it means "unknown"); zero or more
     */
    public TencentSmsNotifier(SmsClient client, TencentSmsSettings settings, Clock clock, Duration receiptWait) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.receiptWait = Objects.requireNonNull(receiptWait, "receipt_wait");
        if (receiptWait.isNegative()) {
            throw ValidationException.invalid("receipt_wait", receiptWait.toString(), "must not be negative");
        }
    }

    /** The {@code SessionContext} that marks the send of {@code key}: merchant, period and date, nothing secret. */
    static String sessionContext(ReminderKey key) {
        return key.merchantId() + "/" + key.periodBegin() + "/" + key.reminderDate();
    }

    /**
     * A convenience client with connect and read timeouts (the SDK's default read timeout is infinite).
     *
     * @param credential the host's API key pair (never logged by the SDK's settlement code)
     * @param region     e.g. {@code ap-guangzhou}
     * @param timeout    connect and read timeout, whole seconds, at least one
     */
    public static SmsClient newClient(Credential credential, String region, Duration timeout) {
        return newClient(credential, region, timeout, new HttpProfile());
    }

    /** As {@link #newClient(Credential, String, Duration)} on a given HTTP profile (endpoint, protocol, proxy). */
    public static SmsClient newClient(Credential credential, String region, Duration timeout, HttpProfile http) {
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        http.setConnTimeout(seconds);
        http.setReadTimeout(seconds);
        http.setWriteTimeout(seconds);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new SmsClient(credential, region, profile);
    }

    @Override
    public String send(ReminderMessage message) {
        ReminderKey key = message.key();
        String phone = message.merchant().phone().orElseThrow(() -> new ValidationException(ErrorCode.MISSING_FIELD, "phone", null,
                "merchant " + key.merchantId() + " has no mobile number to send an SMS to"));
        SendSmsRequest request = new SendSmsRequest();
        request.setSmsSdkAppId(settings.sdkAppId());
        request.setSignName(settings.signName());
        request.setTemplateId(settings.templateId());
        request.setPhoneNumberSet(new String[] {phone});
        request.setTemplateParamSet(settings.templateParams().stream().map(name -> message.params().getOrDefault(name, "")).toArray(String[]::new));
        request.setSessionContext(sessionContext(key));
        SendSmsResponse response;
        try {
            response = client.SendSms(request);
        } catch (TencentCloudSDKException e) {
            throw failure(e, phone, key);
        }
        SendStatus[] statuses = response.getSendStatusSet();
        if (statuses == null || statuses.length == 0) {
            throw refused("EmptySendStatusSet", response.getRequestId(), "the answer listed no send status", phone, key);
        }
        SendStatus status = statuses[0];
        if (!"Ok".equalsIgnoreCase(status.getCode())) {
            throw refused(status.getCode(), response.getRequestId(), status.getMessage(), phone, key);
        }
        String serial = status.getSerialNo() == null || status.getSerialNo().isBlank() ? response.getRequestId() : status.getSerialNo();
        LOG.info("SMS reminder sent to {} for merchant {} (serial {}, request id {})",
                Redact.phone(phone), key.merchantId(), serial, response.getRequestId());
        return serial;
    }

    /**
     * Looks for the status report of an earlier send of {@code message.key()} whose outcome was unknown; see
     * the class comment. Never throws.
     */
    @Override
    public SendCheck check(ReminderMessage message, Instant attemptedAt) {
        ReminderKey key = message.key();
        if (message.merchant().phone().isEmpty()) {
            return SendCheck.unknown("merchant " + key.merchantId() + " has no mobile number to look up");
        }
        String phone = message.merchant().phone().get();
        String context = sessionContext(key);
        Instant now = clock.instant();
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                PullSmsSendStatusByPhoneNumberRequest request = new PullSmsSendStatusByPhoneNumberRequest();
                request.setSmsSdkAppId(settings.sdkAppId());
                request.setPhoneNumber(phone);
                request.setBeginTime(attemptedAt.minus(LOOK_BACK).getEpochSecond());
                request.setEndTime(Math.max(now.getEpochSecond(), attemptedAt.getEpochSecond()));
                request.setOffset(page * PAGE);
                request.setLimit(PAGE);
                PullSmsSendStatusByPhoneNumberResponse response = client.PullSmsSendStatusByPhoneNumber(request);
                PullSmsSendStatus[] reports = response.getPullSmsSendStatusSet() == null ? new PullSmsSendStatus[0] : response.getPullSmsSendStatusSet();
                for (PullSmsSendStatus report : reports) {
                    if (context.equals(report.getSessionContext())) {
                        return verdict(report, key);
                    }
                }
                if (reports.length < PAGE) {
                    break;
                }
            }
        } catch (TencentCloudSDKException | RuntimeException e) {
            String what = e instanceof TencentCloudSDKException sdk && sdk.getErrorCode() != null && !sdk.getErrorCode().isBlank()
                    ? sdk.getErrorCode() : e.getClass().getSimpleName();
            LOG.warn("status query for the SMS reminder of merchant {} failed: {}", key.merchantId(), what);
            return SendCheck.unknown("the status query failed: " + what);
        }
        if (Duration.between(attemptedAt, now).compareTo(receiptWait) >= 0) {
            return SendCheck.notDelivered("no status report with this SessionContext " + receiptWait.toMinutes() + " min after the attempt");
        }
        return SendCheck.unknown("no status report yet (read as not delivered " + receiptWait.toMinutes() + " min after the attempt)");
    }

    private static SendCheck verdict(PullSmsSendStatus report, ReminderKey key) {
        String serial = report.getSerialNo() == null || report.getSerialNo().isBlank() ? "status report" : report.getSerialNo();
        if ("SUCCESS".equalsIgnoreCase(report.getReportStatus())) {
            LOG.info("SMS reminder of merchant {} of unknown outcome was delivered (serial {})", key.merchantId(), serial);
            return SendCheck.delivered(serial, "status report SUCCESS, serial " + serial);
        }
        return SendCheck.notDelivered("status report " + report.getReportStatus() + ", serial " + serial
                + (report.getDescription() == null ? "" : ": " + Redact.digits(report.getDescription())));
    }

    private static RuntimeException failure(TencentCloudSDKException e, String phone, ReminderKey key) {
        String code = e.getErrorCode();
        if (code != null && !code.isBlank()) {
            return refused(code, e.getRequestId(), e.getMessage(), phone, key);
        }
        // the SDK wraps the I/O exception, often with an empty message of its own
        Throwable io = e.getCause() != null ? e.getCause() : e;
        String what = io.getClass().getSimpleName() + (io.getMessage() == null ? "" : " " + Redact.digits(io.getMessage()));
        if (neverReached(io)) {
            LOG.warn("SMS reminder to {} for merchant {} could not reach Tencent Cloud: not sent", Redact.phone(phone), key.merchantId());
            return new InfrastructureException("Tencent Cloud SMS could not be reached (not sent): " + what, e);
        }
        LOG.warn("SMS reminder to {} for merchant {} got no answer from Tencent Cloud: outcome unknown", Redact.phone(phone), key.merchantId());
        return new SendOutcomeUnknownException("Tencent Cloud SMS did not answer (outcome unknown): " + what, e);
    }

    /** Whether the I/O failure happened before the request could reach Tencent (so nothing was sent). */
    static boolean neverReached(Throwable io) {
        for (Throwable t = io; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return true;
            }
            if (t instanceof SocketTimeoutException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
                return true; // "connect timed out" (a read timeout says "timeout" or "Read timed out")
            }
            if (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)) {
                return false;
            }
        }
        return false;
    }

    private static ProviderException refused(String code, String requestId, String message, String phone, ReminderKey key) {
        LOG.warn("SMS reminder to {} for merchant {} refused: {} (request id {})", Redact.phone(phone), key.merchantId(), code, requestId);
        // the SDK's exception is not kept as cause: its message may quote the phone number
        return new ProviderException(PROVIDER, code, requestId, Redact.digits(message), null);
    }
}
