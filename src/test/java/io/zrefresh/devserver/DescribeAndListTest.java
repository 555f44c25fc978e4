package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.devserver.ApiClient.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeAndListTest extends DevServerTestCase {

    DescribeAndListTest() {
        // At this start the ids of one millisecond do not iterate in id order in a HashMap, so ties really need
        // sorting.
        super(1_700_000_000_000L);
    }

    @Test
    void describeRoundTripsIdsAboveTwoToThe53Exactly() throws Exception {
        long jobId = client.startRefresh("ext_books");

        Answer answer = client.describe(jobId);

        assertThat(jobId).isGreaterThan(1L << 53);
        assertThat(answer.body()).contains("\"jobId\":" + jobId + ",");
        assertThat(answer.data().get("jobId").isLong()).isTrue();
        assertThat(client.describe(jobId + 1).code())
                .as("the neighbouring id is another job")
                .isEqualTo(1100);
    }

    @Test
    void describeOfAnUnknownJobIs1100() throws Exception {
        assertThat(client.describe(466073417512550401L).body())
                .isEqualTo(
                        "{\"code\":1100,\"message\":\"refresh job 466073417512550401 not found: invalid parameter\"}");
    }

    @Test
    void describeWithAMissingOrZeroIdIs1802() throws Exception {
        String expected = "{\"code\":1802,\"message\":\"missing required parameters, error: Key: 'JobIDReq.JobID'"
                + " Error:Field validation for 'JobID' failed on the 'required' tag\"}";
        assertThat(client.describe("{}").body()).isEqualTo(expected);
        assertThat(client.describe("{\"jobId\":0}").body()).isEqualTo(expected);
    }

    @Test
    void describeWithAStringFloatOrOversizedIdIs1801() throws Exception {
        assertThat(client.describe("{\"jobId\":\"abc\"}").body())
                .isEqualTo("{\"code\":1801,\"message\":\"can only accept"
                        + " json format request, error: json: cannot unmarshal string into Go struct field JobIDReq.jobId of type"
                        + " int64\"}");
        assertThat(client.describe("{\"jobId\":\"466073417512550401\"}").code()).isEqualTo(1801);
        assertThat(client.describe("{\"jobId\":1.5}").message())
                .endsWith("cannot unmarshal number 1.5 into Go struct field" + " JobIDReq.jobId of type int64");
        assertThat(client.describe("{\"jobId\":99999999999999999999}").message())
                .endsWith(
                        "cannot unmarshal number 99999999999999999999 into Go struct field JobIDReq.jobId of type int64");
        assertThat(client.describe("{\"jobId\":true}").code()).isEqualTo(1801);
        assertThat(client.describe("{\"jobId\":").code()).isEqualTo(1801);
    }

    @Test
    void listWithoutJobsIsAnEmptyArrayNotNull() throws Exception {
        assertThat(client.list("{}").body()).isEqualTo("{\"code\":0,\"data\":{\"records\":[]}}");
        assertThat(client.list("{\"collectionName\":\"ext_books\"}").body())
                .isEqualTo("{\"code\":0,\"data\":{\"records\":[]}}");
    }

    @Test
    void listIsNewestFirstWithTiesBrokenByHigherIdFirst() throws Exception {
        server.setOverlapCheck(false);
        long older = client.startRefresh("ext_books");
        clock.advance(Duration.ofMillis(5));
        List<Long> sameMillisecond = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sameMillisecond.add(client.startRefresh("ext_books"));
        }

        List<Long> expected = new ArrayList<>(sameMillisecond);
        Collections.reverse(expected);
        expected.add(older);
        assertThat(ids(client.list("{\"collectionName\":\"ext_books\"}"))).isEqualTo(expected);
    }

    @Test
    void listWithANameKeepsThatCollectionWithoutOneEveryDatabase() throws Exception {
        long books = client.startRefresh("ext_books");
        long broken = client.startRefresh("ext_broken");
        long events = client.refresh("{\"dbName\":\"analytics\",\"collectionName\":\"ext_events\"}")
                .data()
                .get("jobId")
                .longValue();

        assertThat(ids(client.list("{\"collectionName\":\"ext_books\"}"))).containsExactly(books);
        assertThat(ids(client.list("{\"dbName\":\"analytics\",\"collectionName\":\"ext_events\"}")))
                .containsExactly(events);
        assertThat(ids(client.list("{\"dbName\":\"analytics\"}"))).containsExactlyInAnyOrder(books, broken, events);
        assertThat(ids(client.list("{}"))).containsExactlyInAnyOrder(books, broken, events);
    }

    @Test
    void listRecordsAreFullJobObjects() throws Exception {
        long jobId = client.startRefresh("ext_books");

        JsonNode record = client.list("{\"collectionName\":\"ext_books\"}")
                .data()
                .get("records")
                .get(0);

        assertThat(record).isEqualTo(client.describe(jobId).data());
    }

    @Test
    void listErrorsFollowTheRefreshCodes() throws Exception {
        assertThat(client.list("{\"dbName\":\"nope\",\"collectionName\":\"ext_books\"}")
                        .code())
                .isEqualTo(800);
        assertThat(client.list("{\"collectionName\":\"missing\"}").code()).isEqualTo(100);
        assertThat(client.list("{\"collectionName\":\"plain_coll\"}").message())
                .isEqualTo("collection plain_coll is not an external collection: invalid parameter");
        assertThat(client.list("{\"collectionName\":7}").code()).isEqualTo(1801);
        assertThat(client.list("").code()).isEqualTo(1801);
    }

    @Test
    void expiredJobsDisappear24HoursAfterTheyEnd() throws Exception {
        long jobId = client.startRefresh("ext_books");
        clock.advance(Duration.ofSeconds(10).plusHours(24).minusMillis(1));
        assertThat(client.describe(jobId).code()).isZero();

        clock.advance(Duration.ofMillis(1));

        assertThat(client.describe(jobId).message())
                .isEqualTo("refresh job " + jobId + " not found: invalid parameter");
        assertThat(client.list("{}").data().get("records")).isEmpty();
    }

    private static List<Long> ids(Answer listAnswer) {
        List<Long> ids = new ArrayList<>();
        listAnswer
                .data()
                .get("records")
                .forEach(record -> ids.add(record.get("jobId").longValue()));
        return ids;
    }
}
