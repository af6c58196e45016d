package io.settlekit.base;

/**
 * A database, cache, object store or provider failed. Adapters wrap driver exceptions in this type,
 * keeping the cause, and never put credentials in the message.
 */
public class InfrastructureException extends SettlekitException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what the SDK was doing (e.g. "reading fee rates of station T1 from MySQL")
     * @param cause   the driver's exception
     */
    public InfrastructureException(String message, Throwable cause) {
        super(ErrorCode.INFRASTRUCTURE, null, message, cause);
    }
}
