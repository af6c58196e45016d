package io.settlekit.reconcile;


import io.settlekit.base.Port;
import java.io.InputStream;

/** Keeps a copy of the raw settlement files the SDK read (the provider keeps them for a limited time). */
@Port
public interface SettlementArchive {

    /** Stores the content of {@code fileName}, read for {@code key}; storing the same file again replaces it. */
    void archive(ReportKey key, String fileName, InputStream content);
}
