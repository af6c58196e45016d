package io.settlekit.s3;

import io.settlekit.base.InfrastructureException;
import io.settlekit.reconcile.ProviderAccount;
import io.settlekit.reconcile.SettlementFile;
import io.settlekit.reconcile.SettlementFiles;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Settlement files in S3: the account's folder ({@code <account id>/}) in the account's bucket, listed
 * page by page ({@code ListObjectsV2}, every page followed) and read with {@code GetObject}. Nothing else
 * is ever sent: no write, no delete. Objects in deeper sub-folders are not files of the account.
 *
 * <p>Take the host's {@link S3Client} (one client for every account) or an {@link S3AccountClients}
 * (one client per account region and credentials). S3 failures become {@link InfrastructureException}s
 * naming bucket and key, keeping the cause; credentials never appear in messages.
 *
 * <p>Thread-safe when its client lookup is (S3AccountClients is): a final reference, and SDK clients are thread-safe.
 */
public final class S3SettlementFiles implements SettlementFiles {
    private static final Logger LOG = LoggerFactory.getLogger(S3SettlementFiles.class);

    private final Function<ProviderAccount, S3Client> clients;

    /** Files read with the host's client, for every account. */
    public S3SettlementFiles(S3Client client) {
        Objects.requireNonNull(client, "client");
        this.clients = account -> client;
    }

    /** Files read with a client per account. */
    public S3SettlementFiles(S3AccountClients clients) {
        Objects.requireNonNull(clients, "clients");
        this.clients = clients::clientFor;
    }

    @Override
    public List<SettlementFile> list(ProviderAccount account, String prefix) {
        String folder = account.folder();
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(account.bucket())
                .prefix(folder + prefix)
                .build();
        List<SettlementFile> files = new ArrayList<>();
        try {
            for (S3Object object : clients.apply(account).listObjectsV2Paginator(request).contents()) {
                String name = object.key().substring(folder.length());
                if (!name.isEmpty() && name.indexOf('/') < 0) {
                    files.add(new SettlementFile(name, object.size() == null ? 0 : object.size()));
                }
            }
        } catch (SdkException e) {
            throw new InfrastructureException("listing s3://" + account.bucket() + "/" + folder + prefix
                    + " (account " + account.accountId() + ")", e);
        }
        files.sort(Comparator.comparing(SettlementFile::name));
        LOG.debug("listed {} settlement files under s3://{}/{}{}", files.size(), account.bucket(), folder, prefix);
        return files;
    }

    @Override
    public Optional<InputStream> open(ProviderAccount account, String name) {
        String key = account.folder() + name;
        try {
            return Optional.of(clients.apply(account).getObject(GetObjectRequest.builder().bucket(account.bucket()).key(key).build()));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new InfrastructureException("reading s3://" + account.bucket() + "/" + key + " (account " + account.accountId() + ")", e);
        }
    }
}
