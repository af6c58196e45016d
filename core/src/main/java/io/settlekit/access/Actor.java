package io.settlekit.access;

import io.settlekit.internal.Checks;
import io.settlekit.base.PermissionDeniedException;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling a use case, as the host authenticated them: an id, an admin flag and the permission
 * codes the host granted.
 *
 * <p>Admins hold every permission (the hosts' permission tables follow Django's superuser rule) and are
 * never limited by the refresh counter. Unknown permission codes are kept: hosts may grant codes the SDK
 * does not know.
 *
 * @param id          the host's user id, never blank
 * @param admin       whether the user is an administrator
 * @param permissions granted permission codes, e.g. {@code get_fee_rate}
 */
public record Actor(String id, boolean admin, Set<String> permissions) {

    /** Validates and copies the permission set. */
    public Actor {
        id = Checks.notBlank("actor.id", id);
        permissions = Set.copyOf(Checks.present("actor.permissions", permissions));
    }

    /** A non-admin actor holding the given permissions. */
    public static Actor user(String id, Permission... permissions) {
        return new Actor(id, false, Arrays.stream(permissions).map(Permission::code).collect(Collectors.toSet()));
    }

    /** An administrator. */
    public static Actor admin(String id) {
        return new Actor(id, true, Set.of());
    }

    /** Whether this actor holds {@code permission} (admins hold all). */
    public boolean has(Permission permission) {
        return admin || permissions.contains(permission.code());
    }

    /** Throws {@link PermissionDeniedException} unless this actor holds {@code permission}. */
    public void require(Permission permission) {
        if (!has(permission)) {
            throw new PermissionDeniedException(id, permission.code());
        }
    }
}
