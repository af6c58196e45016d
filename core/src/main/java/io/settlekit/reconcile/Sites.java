package io.settlekit.reconcile;

import io.settlekit.base.ErrorCode;
import io.settlekit.base.NotFoundException;

import java.util.List;
import java.util.Optional;

/**
 * The host's sites, looked up by id or name. The seed's twelve are {@link #sample()}.
 *
 * <p>Thread-safe: immutable (an unmodifiable copy of the sites).
 */
public final class Sites {
    private final List<Site> sites;

    /** The given sites; ids and names must be unique. */
    public Sites(List<Site> sites) {
        this.sites = List.copyOf(sites);
        for (int i = 0; i < this.sites.size(); i++) {
            for (int j = i + 1; j < this.sites.size(); j++) {
                Site a = this.sites.get(i);
                Site b = this.sites.get(j);
                if (a.id() == b.id() || a.name().equals(b.name())) {
                    throw io.settlekit.base.ValidationException.invalid("sites[" + j + "]", b.name(), "repeats the id or name of sites[" + i + "]");
                }
            }
        }
    }

    /**
     * The seed's twelve sites with sample regions (the seed's {@code regions} column is empty in the
     * sample; these are the regions nearest each market).
     */
    public static Sites sample() {
        return new Sites(List.of(
                new Site(1, "cupshe", SiteGroup.WEB_SHOP, "us-east-1"),
                new Site(2, "de-cupshe", SiteGroup.WEB_SHOP, "eu-central-1"),
                new Site(3, "fr-cupshe", SiteGroup.WEB_SHOP, "eu-west-3"),
                new Site(4, "es-cupshe", SiteGroup.WEB_SHOP, "eu-south-2"),
                new Site(5, "it-cupshe", SiteGroup.WEB_SHOP, "eu-south-1"),
                new Site(6, "au-cupshe", SiteGroup.WEB_SHOP, "ap-southeast-2"),
                new Site(7, "app", SiteGroup.APP, "us-west-2"),
                new Site(8, "Cupshe-US", SiteGroup.MARKETPLACE, "us-east-1"),
                new Site(9, "Cupshe-CA", SiteGroup.MARKETPLACE, "ca-central-1"),
                new Site(10, "Cupshe-DE", SiteGroup.MARKETPLACE, "eu-central-1"),
                new Site(11, "Seaselfie-US", SiteGroup.MARKETPLACE, "us-east-1"),
                new Site(12, "Seaselfie-CA", SiteGroup.MARKETPLACE, "ca-central-1")));
    }

    /** Every site, in the order given. */
    public List<Site> all() {
        return sites;
    }

    /** The site with {@code id}, if any. */
    public Optional<Site> find(int id) {
        return sites.stream().filter(site -> site.id() == id).findFirst();
    }

    /** The site named {@code name}, else a not-found error naming it. */
    public Site named(String name) {
        return sites.stream().filter(site -> site.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException(ErrorCode.NOT_FOUND, "site", "site = '" + name + "': no such site"));
    }
}
