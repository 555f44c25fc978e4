package io.zrefresh.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsNumbersExactly() throws Exception {
        JsonNode node = Json.parse(
                "{\"int\":7,\"id\":466073417512550401,\"big\":123456789012345678901234567890,\"decimal\":0.10,\"huge\":1e400}");
        assertThat(node.get("int").isInt()).isTrue();
        assertThat(node.get("id").isLong()).isTrue();
        assertThat(node.get("id").longValue()).isEqualTo(466073417512550401L);
        assertThat(node.get("big").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(node.get("decimal").decimalValue()).isEqualTo(new BigDecimal("0.10"));
        assertThat(node.get("huge").decimalValue()).isEqualTo(new BigDecimal("1e400"));
    }

    @Test
    void writesWhatItReads() throws Exception {
        String text = "{\"a\":[1,466073417512550401,0.10,\"x\\\"y\",true,false,null,{}],\"b\":{\"c\":[]},\"d\":\"数据\"}";
        assertThat(Json.compact(Json.parse(text))).isEqualTo(text);
    }

    @Test
    void theLastOfARepeatedKeyWins() throws Exception {
        assertThat(Json.compact(Json.parse("{\"a\":1,\"a\":2}"))).isEqualTo("{\"a\":2}");
    }

    @Test
    void rejectsTrailingTokensAndBrokenDocuments() {
        assertThatThrownBy(() -> Json.parse("{} {}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\":")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.parse("]")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void anEmptyDocumentIsMissing() throws Exception {
        assertThat(Json.parse("").isMissingNode()).isTrue();
        assertThat(Json.parse("null").isNull()).isTrue();
    }
}
