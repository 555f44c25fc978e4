package io.zrefresh.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void controlCharactersBecomeVisibleEscapes() {
        assertThat(SafeText.escape("title\u001b]0;pwned\u0007 clear\u001b[2J"))
                .isEqualTo("title\\u001b]0;pwned\\u0007 clear\\u001b[2J");
        assertThat(SafeText.escape("line\n::error::forged\rback\tx\u007f\u009b31m"))
                .isEqualTo("line\\n::error::forged\\rback\\tx\\u007f\\u009b31m");
    }

    @Test
    void ordinaryTextIsKeptAsItIs() {
        String text = "no files found in s3://bucket/books — ext_unicode_数据 ✓";
        assertThat(SafeText.escape(text)).isSameAs(text);
        assertThat(SafeText.escape(null)).isEmpty();
    }
}
