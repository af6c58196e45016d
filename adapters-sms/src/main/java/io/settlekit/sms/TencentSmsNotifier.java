package io.settlekit.sms;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.sms.v20210111.SmsClient;
import com.tencentcloudapi.sms.v20210111.models.SendSmsRequest;
import com.tencentcloudapi.sms.v20210111.models.SendSmsResponse;
import com.tencentcloudapi.sms.v20210111.models.SendStatus;
import io.settlekit.ErrorCode;
import io.settlekit.InfrastructureException;
import io.settlekit.ProviderException;
import io.settlekit.Redact;
import io.settlekit.ValidationException;
import io.settlekit.settlement.ReminderKey;
import io.settlekit.settlement.ReminderMessage;
import io.settlekit.settlement.port.ReminderNotifier;

import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends settlement reminders as Tencent Cloud SMS ({@code SendSms}, API 2021-01-11) through the host's
 * {@link SmsClient}: one number per request, the template's parameters taken from the reminder's named
 * values, the reminder's key as {@code SessionContext}. Returns the message's {@code SerialNo}.
 *
 * <p>Errors: a refusal, of the whole request or of the number ({@code SendStatus.Code} other than
 * {@code Ok}), is a {@link ProviderException} with Tencent's code and {@code RequestId}; no answer (a
 * timeout, a refused connection) is an {@link InfrastructureException}. Neither retries: the reminder job
 * retries on its next run. Phone numbers appear masked in logs and messages.
 *
 * <p>Give the client a read timeout: the SDK's default is none at all ({@link #newClient} sets one).
 */
public final class TencentSmsNotifier implements ReminderNotifier {
    /** The provider name in {@link ProviderException#provider()}. */
    public static final String PROVIDER = "tencent-sms";

    private static final Logger LOG = LoggerFactory.getLogger(TencentSmsNotifier.class);

    private final SmsClient client;
    private final TencentSmsSettings settings;

    /**
     * @param client   the host's client (credentials, region, endpoint, timeouts)
     * @param settings application, signature, template and parameter order
     */
    public TencentSmsNotifier(SmsClient client, TencentSmsSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
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
        request.setSessionContext(key.merchantId() + "/" + key.periodBegin() + "/" + key.reminderDate());
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

    private static RuntimeException failure(TencentCloudSDKException e, String phone, ReminderKey key) {
        String code = e.getErrorCode();
        if (code != null && !code.isBlank()) {
            return refused(code, e.getRequestId(), e.getMessage(), phone, key);
        }
        LOG.warn("SMS reminder to {} for merchant {} got no answer from Tencent Cloud", Redact.phone(phone), key.merchantId());
        // the SDK wraps the I/O exception, often with an empty message of its own
        Throwable io = e.getCause() != null ? e.getCause() : e;
        return new InfrastructureException("Tencent Cloud SMS did not answer: " + io.getClass().getSimpleName()
                + (io.getMessage() == null ? "" : " " + Redact.digits(io.getMessage())), e);
    }

    private static ProviderException refused(String code, String requestId, String message, String phone, ReminderKey key) {
        LOG.warn("SMS reminder to {} for merchant {} refused: {} (request id {})", Redact.phone(phone), key.merchantId(), code, requestId);
        // the SDK's exception is not kept as cause: its message may quote the phone number
        return new ProviderException(PROVIDER, code, requestId, Redact.digits(message), null);
    }
}
