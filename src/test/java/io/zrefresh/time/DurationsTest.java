package io.zrefresh.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms,500",
        "30s,30000",
        "5m,300000",
        "1h,3600000",
        "1h30m,5400000",
        "45,45000",
        "1m30s,90000",
        "2s500ms,2500"
    })
    void parsesTheSpecsForms(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "5x", "-5s", "1.5s", "s", "m5"})
    void rejectsAnythingElse(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a duration");
    }

    @Test
    void formatsBrieflyAndForTables() {
        assertThat(Durations.brief(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.brief(Duration.ofSeconds(60))).isEqualTo("1m");
        assertThat(Durations.brief(Duration.ofSeconds(5400))).isEqualTo("1h30m");
        assertThat(Durations.elapsed(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Durations.elapsed(Duration.ofSeconds(65))).isEqualTo("1m05s");
        assertThat(Durations.elapsed(Duration.ofSeconds(3789))).isEqualTo("1h03m09s");
    }
}
