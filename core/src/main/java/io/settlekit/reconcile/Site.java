package io.settlekit.reconcile;

import io.settlekit.internal.Checks;

/**
 * A storefront of the host (the seed's sub-site list).
 *
 * @param id     the site's id, positive
 * @param name   its name, e.g. {@code fr-cupshe}
 * @param group  web shop, app or marketplace (the seed's {@code siteId})
 * @param region the S3 region its settlement files are read from (the seed's {@code regions} column),
 *               e.g. {@code eu-west-3}
 */
public record Site(int id, String name, SiteGroup group, String region) {

    /** Validates every field. */
    public Site {
        Checks.inRange("site.id", id, 1, Integer.MAX_VALUE);
        name = Checks.notBlank("site.name", name);
        Checks.present("site.group", group);
        region = Regions.check("site.region", region);
    }
}
