package io.settlekit.base;

/** The acting user lacks the permission a use case requires; nothing was changed. */
public class PermissionDeniedException extends SettlekitException {
    private static final long serialVersionUID = 1L;

    private final String permission;
    private final String actorId;

    /**
     * @param actorId    the host's id of the actor that was refused
     * @param permission the missing permission code, e.g. {@code edit_fee_rate}
     */
    public PermissionDeniedException(String actorId, String permission) {
        super(ErrorCode.PERMISSION_DENIED, "permission",
                "permission = '" + permission + "': actor '" + actorId + "' lacks this permission", null);
        this.permission = permission;
        this.actorId = actorId;
    }

    /** The missing permission code. */
    public String permission() {
        return permission;
    }

    /** The id of the refused actor. */
    public String actorId() {
        return actorId;
    }
}
