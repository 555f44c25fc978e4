package io.zrefresh.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrefresh.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobIdTest {

    @Test
    void int64IdsAboveTwoToThe53AreSentAsExactNumbers() {
        JobId id = JobId.parse("466073417512550401");
        assertThat(id.toJson().isIntegralNumber()).isTrue();
        assertThat(Json.compact(id.toJson())).isEqualTo("466073417512550401");
        assertThat(JobId.parse(String.valueOf(Long.MAX_VALUE)).toString()).isEqualTo("9223372036854775807");
    }

    @Test
    void otherTokensAreSentAsStrings() {
        JobId id = JobId.parse("job-abc123");
        assertThat(id.toJson().isTextual()).isTrue();
        assertThat(Json.compact(id.toJson())).isEqualTo("\"job-abc123\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "0", "000", "-5", "9223372036854775808", "99999999999999999999", "job 1", "-job", " 12"})
    void badIdsAreRejectedWithASentence(String raw) {
        assertThatThrownBy(() -> JobId.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void idsReadFromAnswersKeepTheirType() {
        assertThat(JobId.fromJson(Json.object().put("j", 466073417512550401L).get("j")))
                .isEqualTo(JobId.parse("466073417512550401"));
        assertThat(JobId.fromJson(Json.object().put("j", "job-x").get("j"))).isEqualTo(JobId.parse("job-x"));
        assertThatThrownBy(() -> JobId.fromJson(Json.object().put("j", 1.5).get("j")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
