package io.settlekit.billing.memory;

import io.settlekit.billing.StoredPlan;
import io.settlekit.billing.PlanStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Plan histories in memory, per merchant in append order. Thread-safe. */
public final class InMemoryPlanStore implements PlanStore {
    private final Map<String, List<StoredPlan>> byMerchant = new ConcurrentHashMap<>();

    @Override
    public void append(StoredPlan plan) {
        List<StoredPlan> rows = byMerchant.computeIfAbsent(plan.merchantId(), m -> new ArrayList<>());
        synchronized (rows) {
            rows.add(plan);
        }
    }

    @Override
    public List<StoredPlan> history(String merchantId) {
        List<StoredPlan> rows = byMerchant.get(merchantId);
        if (rows == null) {
            return List.of();
        }
        synchronized (rows) {
            return List.copyOf(rows);
        }
    }

    @Override
    public Map<String, List<StoredPlan>> histories(Collection<String> merchantIds) {
        Map<String, List<StoredPlan>> result = new LinkedHashMap<>();
        for (String merchant : merchantIds) {
            List<StoredPlan> rows = history(merchant);
            if (!rows.isEmpty()) {
                result.put(merchant, rows);
            }
        }
        return result;
    }

    @Override
    public Map<String, List<StoredPlan>> historiesWithReminders() {
        Map<String, List<StoredPlan>> result = new TreeMap<>();
        for (String merchant : byMerchant.keySet()) {
            List<StoredPlan> rows = history(merchant);
            if (rows.stream().anyMatch(row -> row.plan().remind().isOn())) {
                result.put(merchant, rows);
            }
        }
        return result;
    }
}
