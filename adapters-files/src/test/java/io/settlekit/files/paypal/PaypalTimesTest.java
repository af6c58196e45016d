package io.settlekit.files.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaypalTimesTest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss Z", Locale.ROOT);

    @Test
    void agreesWithTheFormatterOnRandomTimes() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime time = OffsetDateTime.of(1970 + random.nextInt(130), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), 0,
                    java.time.ZoneOffset.ofHoursMinutes(random.nextInt(-12, 15), 0));
            String text = TIME.format(time);

            assertThat(PaypalTimes.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text, TIME).toInstant());
        }
        assertThat(PaypalTimes.parse("2025/03/14 00:14:22 +0530")).isEqualTo(OffsetDateTime.parse("2025/03/14 00:14:22 +0530", TIME).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-14 00:14:22 -0700", "2025/03/14T00:14:22 -0700", "2025/3/14 00:14:22 -0700",
            "2025/03/14 00:14:22 0700", "2025/03/14 00:14:22 -07:00", "2025/03/1x 00:14:22 -0700", ""})
    void leavesOtherShapesToTheFormatter(String text) {
        assertThat(PaypalTimes.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025/13/14 00:14:22 -0700", "2025/02/30 00:14:22 -0700", "2025/03/14 24:00:00 -0700",
            "2025/03/14 00:60:00 -0700", "2025/03/14 00:14:22 -1900"})
    void rejectsValuesOutOfRange(String text) {
        assertThatThrownBy(() -> PaypalTimes.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
