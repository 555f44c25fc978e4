package io.zrefresh.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsDocumentTest {

    private static final String ENVELOPE = """
            {"code":0,"data":{"before":{"x":[1,2]},"records":[{"jobId":466073417512550401,"state":"RefreshCompleted"},
            {"jobId":466073417512550402,"state":"RefreshPending"}],"after":"kept"}}""";

    private static RecordsDocument document(String json) {
        return RecordsDocument.of(json.getBytes(StandardCharsets.UTF_8), "data", "records");
    }

    @Test
    void streamsRecordsInOrderWithExactNumbers() {
        List<String> ids = new ArrayList<>();
        document(ENVELOPE).forEachRecord(record -> ids.add(record.get("jobId").toString()));
        assertThat(ids).containsExactly("466073417512550401", "466073417512550402");
    }

    @Test
    void treeAndWriteKeepOtherFieldsInPlaceAndFilterRecords() throws Exception {
        JsonNode tree =
                document(ENVELOPE).tree(record -> record.get("state").asText().equals("RefreshPending"));
        assertThat(Json.compact(tree))
                .isEqualTo(
                        "{\"before\":{\"x\":[1,2]},\"records\":[{\"jobId\":466073417512550402,\"state\":\"RefreshPending\"}],\"after\":\"kept\"}");

        StringWriter written = new StringWriter();
        try (JsonGenerator generator = Json.factory().createGenerator(written)) {
            document(ENVELOPE).write(generator, record -> true);
        }
        assertThat(written.toString())
                .isEqualTo(Json.compact(Json.parse(ENVELOPE).get("data")));
    }

    @Test
    void rejectsWhatIsNotADataObjectWithARecordsArray() {
        assertThatThrownBy(() -> document("{\"code\":0,\"data\":{\"records\":{}}}"))
                .hasMessageContaining("not an array");
        assertThatThrownBy(() -> document("{\"code\":0,\"data\":{}}")).hasMessageContaining("no records array");
        assertThatThrownBy(() -> document("{\"code\":0,\"data\":[]}"))
                .hasMessageContaining("data is not a JSON object");
        assertThatThrownBy(() -> document("{\"code\":0,\"data\":{\"records\":[{\"jobId\":1}"))
                .hasMessageContaining("not well-formed JSON");
    }
}
