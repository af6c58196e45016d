package io.settlekit.billing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link io.settlekit.billing.MerchantLedger} read found for a batch of merchants: the
 * rows it could read, by merchant id, and the merchants whose rows it could not (a value out of range, an
 * unknown fee type), each with the reason. One bad row fails its own merchant, never the whole batch:
 * the others' bills and reminders go on. A reason names the field and what is wrong, and never the value
 * of a sensitive field (a phone number).
 *
 * @param <T>        what is read per merchant (an account, or its open orders)
 * @param found      the rows read, by merchant id, in the order read
 * @param unreadable the merchants whose rows could not be read, with the reason; never also in {@code found}
 */
public record LedgerRows<T>(Map<String, T> found, Map<String, String> unreadable) {

    /** Copies both maps (keeping their order) and checks that no merchant is in both. */
    public LedgerRows {
        found = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(found, "found")));
        unreadable = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(unreadable, "unreadable")));
        for (String merchant : unreadable.keySet()) {
            if (found.containsKey(merchant)) {
                throw new IllegalArgumentException("merchant " + merchant + " is both found and unreadable");
            }
        }
    }

    /** Rows that were all readable. */
    public static <T> LedgerRows<T> of(Map<String, T> found) {
        return new LedgerRows<>(found, Map.of());
    }

    /** The row read for {@code merchantId}, if it was found and readable. */
    public Optional<T> get(String merchantId) {
        return Optional.ofNullable(found.get(merchantId));
    }

    /** Why the rows of {@code merchantId} could not be read, if they could not. */
    public Optional<String> unreadable(String merchantId) {
        return Optional.ofNullable(unreadable.get(merchantId));
    }

    /** A builder for adapters reading row by row. Not thread-safe. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * Collects rows as an adapter reads them: a merchant marked unreadable stays so, and whatever was found
     * for it before or after is dropped (a merchant's orders are read whole or not at all).
     *
     * @param <T> what is read per merchant
     *
     * <p>Not thread-safe: unsynchronized maps; one builder per read, on one thread.
     */
    public static final class Builder<T> {
        private final Map<String, T> found = new LinkedHashMap<>();
        private final Map<String, String> unreadable = new LinkedHashMap<>();

        private Builder() {
        }

        /** Records the row of {@code merchantId}, unless the merchant is already unreadable. */
        public Builder<T> found(String merchantId, T row) {
            if (!unreadable.containsKey(merchantId)) {
                found.put(merchantId, row);
            }
            return this;
        }

        /** The value found so far for {@code merchantId}, if any (for rows that accumulate, such as orders). */
        public Optional<T> current(String merchantId) {
            return Optional.ofNullable(found.get(merchantId));
        }

        /** Marks {@code merchantId} unreadable (the first reason is kept) and drops what was found for it. */
        public Builder<T> unreadable(String merchantId, String reason) {
            found.remove(merchantId);
            unreadable.putIfAbsent(merchantId, Objects.requireNonNull(reason, "reason"));
            return this;
        }

        /** Whether {@code merchantId} is already marked unreadable. */
        public boolean isUnreadable(String merchantId) {
            return unreadable.containsKey(merchantId);
        }

        /** The rows collected. */
        public LedgerRows<T> build() {
            return new LedgerRows<>(found, unreadable);
        }
    }
}
