package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.util.regex.Pattern;

/** Shape check of cloud region names such as {@code eu-west-3} or {@code us-east-1}. */
final class Regions {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+){1,3}");

    private Regions() {
    }

    static String check(String field, String region) {
        String checked = Checks.notBlank(field, region);
        if (!REGION.matcher(checked).matches()) {
            throw ValidationException.invalid(field, region, "must be a region name such as eu-west-3");
        }
        return checked;
    }
}
