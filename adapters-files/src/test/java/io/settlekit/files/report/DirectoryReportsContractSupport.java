package io.settlekit.files.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.settlekit.money.Amount;
import io.settlekit.money.CurrencyTotals;
import io.settlekit.testkit.contract.ReconciliationReportsContract.Item;
import io.settlekit.testkit.contract.ReconciliationReportsContract.Published;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads a folder of published reports back, in each format, for the contract of {@link DirectoryReconciliationReports}. */
final class DirectoryReportsContractSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DirectoryReportsContractSupport() {
    }

    /** Every file of {@code folder}, by name. */
    static List<String> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON-lines report read back: one object per item, then the summary line. */
    static Optional<Published> readJsonLines(Path report) {
        if (!Files.exists(report)) {
            return Optional.empty();
        }
        try {
            List<Item> items = new ArrayList<>();
            CurrencyTotals net = null;
            for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
                JsonNode node = JSON.readTree(line);
                if (node.has("summary")) {
                    Map<String, Long> totals = new HashMap<>();
                    node.get("summary").get("net").fields().forEachRemaining(e -> totals.put(e.getKey(), e.getValue().longValue()));
                    net = CurrencyTotals.ofMap(totals);
                    continue;
                }
                JsonNode settlement = node.get("settlement");
                JsonNode receivable = node.get("receivable");
                items.add(new Item(node.get("category").asText(), node.get("reference").asText(), node.get("direction").asText(),
                        settlement == null ? "" : settlement.get("transaction_id").asText(),
                        Optional.ofNullable(settlement).map(s -> amount(s.get("gross"))),
                        Optional.ofNullable(settlement).map(s -> amount(s.get("fee"))),
                        settlement == null ? "" : settlement.get("file").asText() + ":" + settlement.get("line").asLong(),
                        Optional.ofNullable(receivable).map(r -> amount(r.get("amount")))));
            }
            return Optional.of(new Published(items, java.util.Objects.requireNonNull(net, "the report has no summary line")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Amount amount(JsonNode node) {
        return Amount.ofMinor(node.get("fee_type").asText(), node.get("fee").longValue());
    }

    /** A CSV report read back: the header, one row per item, then the {@code total:} rows. */
    static Optional<Published> readCsv(Path report) {
        if (!Files.exists(report)) {
            return Optional.empty();
        }
        List<Item> items = new ArrayList<>();
        Map<String, Long> net = new HashMap<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(report)) {
            boolean header = true;
            for (CsvRecord row : reader) {
                if (header) {
                    header = false;
                    continue;
                }
                String category = row.getField(0);
                if (category.equals("total:file")) {
                    net.put(row.getField(6), Amount.ofMajor(row.getField(6), new BigDecimal(row.getField(9))).fen());
                } else if (!category.startsWith("total:")) {
                    items.add(new Item(category, text(row.getField(1)), row.getField(2), text(row.getField(3)),
                            major(row.getField(6), row.getField(7)), major(row.getField(6), row.getField(8)),
                            row.getField(15).isEmpty() ? "" : text(row.getField(15)) + ":" + row.getField(16),
                            major(row.getField(10), row.getField(11))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new Published(items, CurrencyTotals.ofMap(net)));
    }

    private static Optional<Amount> major(String currency, String amount) {
        return currency.isEmpty() ? Optional.empty() : Optional.of(Amount.ofMajor(currency, new BigDecimal(amount)));
    }

    /** A text cell without the quote that keeps a spreadsheet from evaluating it. */
    private static String text(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }
}
