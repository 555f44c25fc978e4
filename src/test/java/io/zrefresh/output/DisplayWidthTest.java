package io.zrefresh.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayWidthTest {

    @ParameterizedTest
    @CsvSource({
        "ext_books, 9",
        "数据, 4",
        "ext_unicode_数据, 16",
        "データ, 6",
        "책, 2",
        "ＡＢ, 4",
        "ｶﾀｶﾅ, 4",
        "\u0065\u0301t\u00e9, 3",
        "a\u200bb, 2",
        "😀ok, 4",
        "título, 6",
        "…, 1"
    })
    void countsTerminalColumns(String text, int columns) {
        assertThat(DisplayWidth.of(text)).isEqualTo(columns);
    }

    @ParameterizedTest
    @CsvSource({
        "数据集合, 8, 数据集合",
        "数据集合, 7, 数据集…",
        "数据集合, 6, 数据…",
        "数据集合, 4, 数…",
        "abcdef, 4, abc…",
        "e\u0301e\u0301e\u0301e\u0301, 3, e\u0301e\u0301…"
    })
    void cutsToTheColumnsWithAnEllipsisAndNeverHalfAWideCharacter(String text, int columns, String cut) {
        assertThat(DisplayWidth.cut(text, columns)).isEqualTo(cut);
        assertThat(DisplayWidth.of(DisplayWidth.cut(text, columns))).isLessThanOrEqualTo(columns);
    }
}
