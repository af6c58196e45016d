package io.settlekit.base;

import java.util.Optional;

/**
 * An external provider (Tencent Cloud SMS, a host's webhook) refused or failed a request and said why:
 * the provider's own error code and, when it gave one, its request id, so that operators can quote both
 * to the provider. Messages never carry phone numbers or credentials.
 */
public class ProviderException extends SettlekitException {
    private static final long serialVersionUID = 1L;

    private final String provider;
    private final String providerCode;
    private final String requestId;

    /**
     * @param provider     which provider answered, e.g. {@code tencent-sms} or {@code webhook}
     * @param providerCode the provider's error code, e.g. {@code LimitExceeded.PhoneNumberDailyLimit} or an HTTP status
     * @param requestId    the provider's request id, or {@code null} when it gave none
     * @param message      the provider's explanation, already scrubbed of phone numbers
     * @param cause        the client library's exception, or {@code null}
     */
    public ProviderException(String provider, String providerCode, String requestId, String message, Throwable cause) {
        super(ErrorCode.PROVIDER_ERROR, null, describe(provider, providerCode, requestId, message), cause);
        this.provider = provider;
        this.providerCode = providerCode;
        this.requestId = requestId == null || requestId.isBlank() ? null : requestId;
    }

    /** The provider that answered, e.g. {@code tencent-sms}. */
    public String provider() {
        return provider;
    }

    /** The provider's error code. */
    public String providerCode() {
        return providerCode;
    }

    /** The provider's request id, when it gave one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    private static String describe(String provider, String code, String requestId, String message) {
        return provider + " answered " + code
                + (requestId == null || requestId.isBlank() ? "" : " (request id " + requestId + ")")
                + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
