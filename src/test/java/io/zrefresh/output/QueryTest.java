package io.zrefresh.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --query on job ids: int64 values above 2^53 that one double cannot tell apart (…245, …246 and
 * …247 are all 466073417512550272.0 as doubles), and integers beyond int64.
 */
class QueryTest {

    private static final String JOBS = """
            {"records": [
              {"jobId": 466073417512550246, "progress": 50},
              {"jobId": 466073417512550247, "progress": 20},
              {"jobId": 466073417512550245, "progress": 2.5}
            ], "big": [99999999999999999999, 99999999999999999998, 99999999999999999999.5]}
            """;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "records[?jobId==`466073417512550245`].jobId | [466073417512550245]",
                "records[?jobId!=`466073417512550245`].jobId | [466073417512550246,466073417512550247]",
                "records[?jobId<`466073417512550246`].jobId  | [466073417512550245]",
                "records[?jobId<=`466073417512550246`].jobId | [466073417512550246,466073417512550245]",
                "records[?jobId>`466073417512550246`].jobId  | [466073417512550247]",
                "records[?jobId>=`466073417512550246`].jobId | [466073417512550246,466073417512550247]",
                "sort(records[].jobId)                       | [466073417512550245,466073417512550246,466073417512550247]",
                "sort_by(records, &jobId)[].jobId            | [466073417512550245,466073417512550246,466073417512550247]",
                "max(records[].jobId)                        | 466073417512550247",
                "min(records[].jobId)                        | 466073417512550245",
                "max_by(records, &jobId).jobId               | 466073417512550247",
                "min_by(records, &jobId).jobId               | 466073417512550245",
                "big[?@==`99999999999999999998`]              | [99999999999999999998]",
                "max(big)                                    | 99999999999999999999.5",
                "sort(big)                                   | [99999999999999999998,99999999999999999999,99999999999999999999.5]",
                "records[?progress>`2`].progress             | [50,20,2.5]",
                "records[?progress==`2.5`].jobId             | [466073417512550245]",
                "records[?progress==`50.0`].jobId            | [466073417512550246]",
                "sort_by(records, &progress)[].progress      | [2.5,20,50]",
            })
    void comparesNumbersExactly(String expression, String expected) throws Exception {
        JsonNode result = Query.compile(expression.strip()).apply(Json.parse(JOBS));
        assertThat(Json.compact(result)).isEqualTo(expected.strip());
    }
}
