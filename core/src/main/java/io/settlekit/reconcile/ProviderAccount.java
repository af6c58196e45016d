package io.settlekit.reconcile;

import io.settlekit.internal.Checks;
import io.settlekit.base.ValidationException;

import java.util.regex.Pattern;

/**
 * A provider merchant account whose settlement files the SDK reads: the account id is also the folder
 * of its files in the bucket (the seed: "您的Afterpay商户帐户ID用作存储库文件夹名称"); each account has its own
 * bucket, region and credentials.
 *
 * @param channel     the provider
 * @param accountId   the provider's account id, also the folder name (no {@code /})
 * @param bucket      the bucket holding the folder
 * @param region      the bucket's region, e.g. {@code ap-southeast-2}
 * @param credentials a reference the host resolves; never the secret
 */
public record ProviderAccount(Channel channel, String accountId, String bucket, String region, CredentialsRef credentials) {
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /** Validates every field. */
    public ProviderAccount {
        Checks.present("channel", channel);
        accountId = Checks.notBlank("account_id", accountId);
        if (!ACCOUNT.matcher(accountId).matches() || accountId.equals(".") || accountId.equals("..")) {
            throw ValidationException.invalid("account_id", accountId, "must be letters, digits, . _ or - (it names a folder)");
        }
        bucket = Checks.notBlank("bucket", bucket);
        if (!BUCKET.matcher(bucket).matches()) {
            throw ValidationException.invalid("bucket", bucket, "must be an S3 bucket name (3-63 lower-case letters, digits, . or -)");
        }
        region = Regions.check("region", region);
        Checks.present("credentials", credentials);
    }

    /** The folder prefix of the account's files, {@code accountId + "/"}. */
    public String folder() {
        return accountId + "/";
    }
}
