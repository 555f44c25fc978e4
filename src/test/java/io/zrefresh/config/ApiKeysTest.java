package io.zrefresh.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void printableAsciiKeysCanBeSent() {
        assertThat(ApiKeys.problem("sk-0123456789abcdef")).isEmpty();
        assertThat(ApiKeys.problem("root:Milvus pass"))
                .as("a self-hosted user:password")
                .isEmpty();
    }

    @Test
    void whatCannotGoIntoAHeaderIsToldByPositionWithoutTheKey() {
        assertThat(ApiKeys.problem("sk-abc\ndef")).hasValue("has a line break (U+000A) at character 7 of 10");
        assertThat(ApiKeys.problem("sk\u0001xyz")).hasValue("has a control character (U+0001) at character 3 of 6");
        assertThat(ApiKeys.problem("sk\u0000")).hasValue("has a control character (U+0000) at character 3 of 3");
        assertThat(ApiKeys.problem("sk\u2013abc"))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("has a character that is not ASCII (U+2013; a dash")
                        .endsWith("at character 3 of 6"));
        assertThat(ApiKeys.problem("sk😀x"))
                .as("positions count characters, not UTF-16 units")
                .hasValueSatisfying(problem -> assertThat(problem).contains("U+1F600", "at character 3 of 4"));
        assertThat(ApiKeys.problem("ab\uFFFDcd")).hasValue("has bytes that are not UTF-8 text at character 3 of 5");
    }
}
