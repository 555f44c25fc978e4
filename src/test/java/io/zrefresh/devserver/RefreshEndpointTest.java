package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.devserver.ApiClient.Answer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshEndpointTest extends DevServerTestCase {

    private static final long START = 1_754_550_000_123L;

    RefreshEndpointTest() {
        super(START);
    }

    @Test
    void successAnswersAJobIdAboveTwoToThe53AndStoresThePendingJobBeforeAnswering() throws Exception {
        Answer answer = client.refresh("{\"dbName\":\"default\",\"collectionName\":\"ext_books\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
        long jobId = answer.data().get("jobId").longValue();
        assertThat(answer.body()).isEqualTo("{\"code\":0,\"data\":{\"jobId\":" + jobId + "}}");
        assertThat(jobId).isGreaterThan(1L << 53).isEqualTo(START << 18);
        assertThat(client.describe(jobId).body())
                .isEqualTo("{\"code\":0,\"data\":{\"collectionName\":\"ext_books\","
                        + "\"endTime\":0,\"externalSource\":\"s3://bucket/books/\",\"externalSpec\":\"{\\\"format\\\":\\\"parquet\\\"}\","
                        + "\"jobId\":" + jobId + ",\"progress\":0,\"startTime\":" + START
                        + ",\"state\":\"RefreshPending\"}}");
        assertThat(server.stats().jobsCreated()).isEqualTo(1);
    }

    @Test
    void jobIdsStrictlyIncreaseWithinOneMillisecond() throws Exception {
        server.setOverlapCheck(false);
        long first = client.startRefresh("ext_books");
        long second = client.startRefresh("ext_books");
        long third = client.startRefresh("ext_broken");

        assertThat(second).isEqualTo(first + 1);
        assertThat(third).isEqualTo(second + 1);
    }

    @Test
    void overlappingRefreshIs703WithTheActiveJobIdAndCreatesNoJob() throws Exception {
        long active = client.startRefresh("ext_books");

        Answer answer = client.refresh("{\"collectionName\":\"ext_books\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .isEqualTo("{\"code\":703,\"message\":\"refresh job " + active
                        + " is already in progress for collection ext_books; poll that jobID or wait for it to complete:"
                        + " task duplicates[taskType=refresh_external_collection]\"}");
        assertThat(client.list("{\"collectionName\":\"ext_books\"}").data().get("records"))
                .hasSize(1);
        assertThat(server.stats().jobsCreated()).isEqualTo(1);
    }

    @Test
    void aFinishedJobNoLongerBlocksANewRefresh() throws Exception {
        long first = client.startRefresh("ext_books");
        clock.advance(Duration.ofSeconds(10));

        long second = client.startRefresh("ext_books");

        assertThat(second).isGreaterThan(first);
    }

    @Test
    void overlapCheckOffAcceptsConcurrentJobsOfOneCollection() throws Exception {
        server.setOverlapCheck(false);
        client.startRefresh("ext_books");

        assertThat(client.refresh("{\"collectionName\":\"ext_books\"}").code()).isZero();
        assertThat(server.stats().jobsCreated()).isEqualTo(2);
    }

    @Test
    void missingOrEmptyOrNullNameIs1802() throws Exception {
        String expected = "{\"code\":1802,\"message\":\"missing required parameters, error: Key: "
                + "'RefreshExternalCollectionReq.CollectionName' Error:Field validation for 'CollectionName' failed on the"
                + " 'required' tag\"}";
        assertThat(client.refresh("{}").body()).isEqualTo(expected);
        assertThat(client.refresh("{\"collectionName\":\"\"}").body()).isEqualTo(expected);
        assertThat(client.refresh("{\"collectionName\":null}").body()).isEqualTo(expected);
    }

    @Test
    void badBodiesAre1801() throws Exception {
        assertThat(client.refresh("").body())
                .isEqualTo("{\"code\":1801,\"message\":\"can only accept json format request, error: EOF\"}");
        assertThat(client.refresh("{\"collectionName\":").message())
                .startsWith("can only accept json format request, error: ");
        assertThat(client.refresh("[\"ext_books\"]").message())
                .isEqualTo(
                        "can only accept json format request, error:"
                                + " json: cannot unmarshal array into Go value of type httpserver.RefreshExternalCollectionReq");
        assertThat(client.refresh("{\"collectionName\":5}").message())
                .isEqualTo("can only accept json format request,"
                        + " error: json: cannot unmarshal number into Go struct field RefreshExternalCollectionReq.collectionName"
                        + " of type string");
        assertThat(client.refresh("{\"collectionName\":\"ext_books\",\"externalSpec\":{\"format\":\"parquet\"}}")
                        .code())
                .isEqualTo(1801);
        assertThat(client.refresh("null").code()).isEqualTo(1801);
        assertThat(server.stats().jobsCreated()).isZero();
    }

    @Test
    void aWrongTypeIs1801EvenWhenTheNameIsMissing() throws Exception {
        assertThat(client.refresh("{\"dbName\":1}").code()).isEqualTo(1801);
    }

    @Test
    void unknownFieldsAreIgnoredAndKeysMatchIgnoringCaseAsInGo() throws Exception {
        assertThat(client.refresh("{\"collectionname\":\"ext_books\",\"extra\":[1,2]}")
                        .code())
                .isZero();
    }

    @Test
    void invalidNamesAre1100BeforeAnyLookup() throws Exception {
        assertThat(client.refresh("{\"dbName\":\"nope\",\"collectionName\":\"1books\"}")
                        .body())
                .isEqualTo(
                        "{\"code\":1100,\"message\":\"Invalid collection name: 1books. the first character of a collection name"
                                + " must be an underscore or letter.: invalid parameter\"}");
        assertThat(client.refresh("{\"collectionName\":\"ext-books\"}").message())
                .isEqualTo("Invalid collection name: ext-books. collection name can only contain numbers, letters and"
                        + " underscores.: invalid parameter");
        assertThat(client.refresh("{\"collectionName\":\"" + "a".repeat(256) + "\"}")
                        .message())
                .contains("the length of a collection name must be less than 255 characters");
        assertThat(client.refresh("{\"collectionName\":\"_" + "a".repeat(254) + "\"}")
                        .code())
                .as("255 characters are allowed; the collection just does not exist")
                .isEqualTo(100);
    }

    @Test
    void sourceWithoutSpecIs1100NamingBoth() throws Exception {
        Answer answer = client.refresh("{\"collectionName\":\"ext_books\",\"externalSource\":\"s3://x/\"}");

        assertThat(answer.body())
                .isEqualTo(
                        "{\"code\":1100,\"message\":\"external_source and external_spec must be both"
                                + " provided or both omitted on refresh (got source=\\\"s3://x/\\\", spec=\\\"\\\"): invalid parameter\"}");
        assertThat(client.refresh("{\"collectionName\":\"ext_books\",\"externalSpec\":\"{}\"}")
                        .message())
                .startsWith("external_source and external_spec must be both provided or both omitted on refresh"
                        + " (got source=\"\", spec=\"{}\")");
    }

    @Test
    void specMustBeAJsonObjectWithAKnownFormatAndTheSourceNotAFile() throws Exception {
        assertThat(refreshWith("s3://b/", "parquet").message())
                .startsWith("invalid external_spec, must be a JSON object")
                .endsWith(": invalid parameter");
        assertThat(refreshWith("s3://b/", "{\\\"format\\\":\\\"csv\\\"}").message())
                .contains("unsupported format \"csv\"")
                .endsWith(": invalid parameter");
        assertThat(refreshWith("file:///tmp/books", "{\\\"format\\\":\\\"parquet\\\"}")
                        .message())
                .contains("scheme \"file\" is not allowed");
        assertThat(refreshWith("s3://b/", "{\\\"format\\\":\\\"csv\\\"}").code())
                .isEqualTo(1100);
    }

    @Test
    void specIsCheckedBeforeTheCollectionIsLookedUp() throws Exception {
        Answer answer = client.refresh("{\"collectionName\":\"missing\",\"externalSource\":\"s3://b/\","
                + "\"externalSpec\":\"{\\\"format\\\":\\\"csv\\\"}\"}");

        assertThat(answer.code()).isEqualTo(1100);
    }

    @Test
    void unknownDatabaseIs800AndUnknownCollectionIs100() throws Exception {
        assertThat(client.refresh("{\"dbName\":\"nope\",\"collectionName\":\"ext_books\"}")
                        .body())
                .isEqualTo("{\"code\":800,\"message\":\"database not found[database=nope]\"}");
        assertThat(client.refresh("{\"collectionName\":\"missing\"}").body())
                .isEqualTo("{\"code\":100,\"message\":\"collection not found[database=default][collection=missing]\"}");
    }

    @Test
    void plainCollectionIs1100NotExternal() throws Exception {
        assertThat(client.refresh("{\"collectionName\":\"plain_coll\"}").body())
                .isEqualTo(
                        "{\"code\":1100,\"message\":\"collection plain_coll is not an external collection: invalid parameter\"}");
    }

    @Test
    void collectionWithoutPersistedSourceNeedsBothThenPersistsThem() throws Exception {
        assertThat(client.refresh("{\"collectionName\":\"ext_new\"}").body())
                .isEqualTo("{\"code\":1100,\"message\":"
                        + "\"collection ext_new has no persisted external_source/external_spec; provide both in the refresh request"
                        + " to initialize: invalid parameter\"}");

        Answer first = refreshWith("s3://bucket/new/", "{ \\\"format\\\" : \\\"lance-table\\\" }", "ext_new");
        clock.advance(Duration.ofSeconds(10));
        long second = client.startRefresh("ext_new");

        assertThat(first.code()).isZero();
        assertThat(client.describe(second).data().get("externalSource").textValue())
                .isEqualTo("s3://bucket/new/");
        assertThat(client.describe(second).data().get("externalSpec").textValue())
                .isEqualTo("{\"format\":\"lance-table\"}");
    }

    @Test
    void specSecretsAreMaskedInTheJob() throws Exception {
        long jobId = refreshWith(
                        "s3://b/",
                        "{\\\"format\\\":\\\"parquet\\\",\\\"extfs\\\":{\\\"access_key_id\\\":"
                                + "\\\"AK\\\",\\\"access_key_value\\\":\\\"SECRET\\\"}}",
                        "ext_new")
                .data()
                .get("jobId")
                .longValue();

        assertThat(client.describe(jobId).data().get("externalSpec").textValue())
                .isEqualTo(
                        "{\"format\":\"parquet\",\"extfs\":{\"access_key_id\":\"AK\",\"access_key_value\":\"***\"}}");
    }

    @Test
    void databaseComesFromTheBodyElseTheDbNameHeaderElseDefault() throws Exception {
        String body = "{\"collectionName\":\"ext_events\"}";
        assertThat(client.post(Endpoint.REFRESH.path(), body, "DB-Name", "analytics")
                        .code())
                .isZero();
        assertThat(client.refresh(body).code()).isEqualTo(100);
        assertThat(client.post(
                                Endpoint.REFRESH.path(),
                                "{\"dbName\":\"default\",\"collectionName\":\"ext_books\"}",
                                "DB-Name",
                                "analytics")
                        .code())
                .isZero();
    }

    private Answer refreshWith(String source, String escapedSpec) throws Exception {
        return refreshWith(source, escapedSpec, "ext_books");
    }

    private Answer refreshWith(String source, String escapedSpec, String collection) throws Exception {
        return client.refresh("{\"collectionName\":\"" + collection + "\",\"externalSource\":\"" + source
                + "\",\"externalSpec\":\"" + escapedSpec + "\"}");
    }
}
