package io.settlekit.formats.billing;

import java.time.LocalDate;

/**
 * The seed endpoints' display dates, kept as they are: {@code MM-dd} in {@code bill_info}, and the
 * Chinese texts of {@code unpaid_list} ({@code 最迟11月1日}, {@code 11月1日~11月5日}, {@code 11月1日00:00:00前},
 * {@code 11月1号}).
 */
final class SeedDates {
    private SeedDates() {
    }

    static String monthDay(LocalDate date) {
        return String.format("%02d-%02d", date.getMonthValue(), date.getDayOfMonth());
    }

    static String chinese(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static String deadline(LocalDate date) {
        return "最迟" + chinese(date);
    }

    static String range(LocalDate begin, LocalDate end) {
        return chinese(begin) + "~" + chinese(end);
    }

    static String before(LocalDate date) {
        return chinese(date) + "00:00:00前";
    }

    static String orderDay(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "号";
    }
}
