package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.devserver.ApiClient.Answer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /_dev/ endpoints, used without a token while the API requires one. */
class ControlEndpointsTest extends DevServerTestCase {

    private ApiClient control;
    private ApiClient api;

    @BeforeEach
    void clients() {
        control = new ApiClient(server, null);
        api = client;
    }

    @Test
    void statsReportRequestsConnectionsAndJobsButNotControlTraffic() throws Exception {
        api.startRefresh("ext_books");
        api.list("{}");
        api.list("{}");

        Answer stats = control.get("/_dev/stats");

        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(stats.body())
                .isEqualTo(
                        "{\"requests\":{\"refresh\":1,\"describe\":0,\"list\":2},\"connections\":1,\"jobsCreated\":1}");
    }

    @Test
    void statsResetZeroesTheCounters() throws Exception {
        api.list("{}");

        assertThat(control.post("/_dev/stats/reset", "").body())
                .isEqualTo(
                        "{\"requests\":{\"refresh\":0,\"describe\":0,\"list\":0},\"connections\":0,\"jobsCreated\":0}");
    }

    @Test
    void httpStatusFaultWithEveryOption() throws Exception {
        Answer added = control.post(
                "/_dev/faults",
                "{\"fault\":\"http-status\",\"endpoint\":\"describe\",\"times\":2,"
                        + "\"status\":503,\"contentType\":\"text/html\",\"body\":\"<html>..</html>\",\"headers\":{\"Retry-After\":\"1\"}}");
        assertThat(added.body()).isEqualTo("{\"queued\":2}");

        assertThat(api.list("{}").status()).isEqualTo(200);
        Answer faulted = api.describe(1);
        assertThat(faulted.status()).isEqualTo(503);
        assertThat(faulted.contentType()).isEqualTo("text/html");
        assertThat(faulted.body()).isEqualTo("<html>..</html>");
        assertThat(faulted.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(server.faults().remaining()).isEqualTo(1);
    }

    @Test
    void everyFaultNameIsAccepted() throws Exception {
        String[] faults = {
            "{\"fault\":\"reset\"}",
            "{\"fault\":\"lost-answer\",\"endpoint\":\"refresh\"}",
            "{\"fault\":\"truncated-json\",\"endpoint\":\"list\"}",
            "{\"fault\":\"delay\",\"delayMs\":3000}",
            "{\"fault\":\"rate-limited\",\"endpoint\":\"any\"}",
            "{\"fault\":\"old-data-plane\",\"times\":3}",
            "{\"fault\":\"http-status\",\"status\":429}",
        };
        for (String fault : faults) {
            assertThat(control.post("/_dev/faults", fault).status()).as(fault).isEqualTo(200);
        }
        assertThat(server.faults().remaining()).isEqualTo(9);

        assertThat(control.post("/_dev/faults/clear", "").body()).isEqualTo("{\"queued\":0}");
        assertThat(server.faults().remaining()).isZero();
    }

    @Test
    void lostAnswerFaultFromJsonTakesEffect() throws Exception {
        control.post("/_dev/faults", "{\"fault\":\"lost-answer\",\"endpoint\":\"refresh\"}");

        assertThatThrownBy(() -> api.refresh("{\"collectionName\":\"ext_books\"}"))
                .isInstanceOf(IOException.class);
        assertThat(server.stats().jobsCreated()).isEqualTo(1);
    }

    @Test
    void badFaultRequestsAre400WithAReason() throws Exception {
        assertBadRequest(control.post("/_dev/faults", "{\"fault\":\"explode\"}"), "unknown fault \"explode\"");
        assertBadRequest(
                control.post("/_dev/faults", "{\"fault\":\"reset\",\"endpoint\":\"search\"}"), "unknown endpoint");
        assertBadRequest(control.post("/_dev/faults", "{\"fault\":\"http-status\"}"), "missing field \"status\"");
        assertBadRequest(
                control.post("/_dev/faults", "{\"fault\":\"delay\",\"delayMs\":\"1s\"}"), "must be an integer");
        assertBadRequest(control.post("/_dev/faults", "{\"fault\":\"reset\",\"times\":0}"), "times must be at least 1");
        assertBadRequest(control.post("/_dev/faults", "{\"fault\":\"reset\",\"headers\":{}}"), "only an http-status");
        assertBadRequest(control.post("/_dev/faults", "{\"fault\":\"reset\",\"endpiont\":\"list\"}"), "unknown field");
        assertBadRequest(control.post("/_dev/faults", "{"), "malformed JSON");
        assertThat(server.faults().remaining()).isZero();
    }

    @Test
    void configTurnsTheOverlapCheckOffAndOn() throws Exception {
        assertThat(control.post("/_dev/config", "{\"overlapCheck\":false}").body())
                .isEqualTo("{\"overlapCheck\":false,\"standardErrorStatus\":false}");
        api.startRefresh("ext_books");
        assertThat(api.refresh("{\"collectionName\":\"ext_books\"}").code()).isZero();

        control.post("/_dev/config", "{\"overlapCheck\":true}");
        assertThat(api.refresh("{\"collectionName\":\"ext_books\"}").code()).isEqualTo(703);

        assertBadRequest(control.post("/_dev/config", "{\"overlapCheck\":\"no\"}"), "must be true or false");
    }

    @Test
    void configSetsTheJobBehaviourOfACollection() throws Exception {
        String[] behaviours = {
            "{\"collectionName\":\"ext_books\",\"kind\":\"plateau\",\"progress\":95,\"durationMs\":600000}",
            "{\"dbName\":\"analytics\",\"collectionName\":\"ext_events\",\"kind\":\"never-finishes\",\"progress\":10}",
            "{\"collectionName\":\"ext_broken\",\"kind\":\"unknown-state\",\"durationMs\":5000}",
            "{\"collectionName\":\"ext_new\",\"kind\":\"unknown-state\",\"state\":\"RefreshQueued\",\"durationMs\":1}",
        };
        for (String behaviour : behaviours) {
            assertThat(control.post("/_dev/config", "{\"jobBehaviour\":" + behaviour + "}")
                            .status())
                    .as(behaviour)
                    .isEqualTo(200);
        }
        long books = api.startRefresh("ext_books");
        long events = api.refresh("{\"dbName\":\"analytics\",\"collectionName\":\"ext_events\"}")
                .data()
                .get("jobId")
                .longValue();
        long broken = api.startRefresh("ext_broken");

        clock.advance(Duration.ofMinutes(5));

        assertThat(api.describe(books).data().get("progress").intValue()).isEqualTo(95);
        assertThat(api.describe(events).data().get("progress").intValue()).isEqualTo(10);
        assertThat(api.describe(broken).data().get("state").textValue()).isEqualTo("RefreshFailed");

        control.post("/_dev/config", "{\"jobBehaviour\":{\"collectionName\":\"ext_books\",\"kind\":\"normal\"}}");
        clock.advance(Duration.ofMinutes(10));
        server.setOverlapCheck(false);
        long normal = api.startRefresh("ext_books");
        clock.advance(Duration.ofSeconds(10));
        assertThat(api.describe(normal).data().get("state").textValue()).isEqualTo("RefreshCompleted");
    }

    @Test
    void badConfigRequestsAre400AndChangeNothing() throws Exception {
        assertBadRequest(
                control.post(
                        "/_dev/config",
                        "{\"overlapCheck\":false,\"jobBehaviour\":{\"collectionName\":\"plain_coll\","
                                + "\"kind\":\"normal\"}}"),
                "not an external collection");
        assertBadRequest(
                control.post(
                        "/_dev/config", "{\"jobBehaviour\":{\"collectionName\":\"ext_books\",\"kind\":\"stuck\"}}"),
                "unknown job behaviour \"stuck\"");
        assertBadRequest(
                control.post(
                        "/_dev/config",
                        "{\"jobBehaviour\":{\"collectionName\":\"ext_books\",\"kind\":\"plateau\","
                                + "\"progress\":100,\"durationMs\":1}}"),
                "progress must be between 0 and 99");
        assertBadRequest(
                control.post(
                        "/_dev/config",
                        "{\"jobBehaviour\":{\"collectionName\":\"ext_books\",\"kind\":\"plateau\","
                                + "\"progress\":90}}"),
                "missing field \"durationMs\"");
        assertBadRequest(
                control.post(
                        "/_dev/config", "{\"jobBehaviour\":{\"collectionName\":\"ext_books\",\"knd\":\"normal\"}}"),
                "unknown field \"knd\"");
        assertBadRequest(control.post("/_dev/config", "{\"jobBehaviour\":\"plateau\"}"), "must be an object");
        assertBadRequest(control.post("/_dev/config", "{\"standardErrorStatus\":1}"), "must be true or false");

        api.startRefresh("ext_books");
        assertThat(api.refresh("{\"collectionName\":\"ext_books\"}").code())
                .as("the overlap check is still on")
                .isEqualTo(703);
    }

    @Test
    void seedAddsOneFinishedJobThatEndedWhenAsked() throws Exception {
        Answer seeded = control.post("/_dev/seed", "{\"collectionName\":\"ext_books\",\"endedAgoMs\":300000}");

        assertThat(seeded.status()).isEqualTo(200);
        long jobId = seeded.json().get("jobId").longValue();
        assertThat(seeded.body()).isEqualTo("{\"seeded\":1,\"jobId\":" + jobId + "}");
        JsonNode job = api.describe(jobId).data();
        assertThat(job.get("state").textValue()).isEqualTo("RefreshCompleted");
        assertThat(job.get("endTime").longValue()).isEqualTo(START - 300_000);

        long failed = control.post(
                        "/_dev/seed",
                        "{\"collectionName\":\"ext_books\",\"state\":\"RefreshFailed\",\"endTime\":" + (START - 60_000)
                                + "}")
                .json()
                .get("jobId")
                .longValue();
        assertThat(api.describe(failed).data().get("state").textValue()).isEqualTo("RefreshFailed");
        assertThat(api.describe(failed).data().get("endTime").longValue()).isEqualTo(START - 60_000);
    }

    @Test
    void badSeedRequestsAre400() throws Exception {
        assertBadRequest(control.post("/_dev/seed", "{\"collectionName\":\"ext_books\"}"), "give \"jobs\"");
        assertBadRequest(
                control.post("/_dev/seed", "{\"collectionName\":\"ext_books\",\"endTime\":1,\"endedAgoMs\":1}"),
                "give \"jobs\"");
        assertBadRequest(
                control.post("/_dev/seed", "{\"collectionName\":\"ext_books\",\"endedAgoMs\":-1000}"),
                "within the 24 hours");
        assertBadRequest(
                control.post(
                        "/_dev/seed",
                        "{\"collectionName\":\"ext_books\",\"endedAgoMs\":1,\"state\":\"RefreshPending\"}"),
                "ends RefreshCompleted or RefreshFailed");
        assertThat(api.list("{}").data().get("records")).isEmpty();
    }

    @Test
    void seedAddsFinishedJobs() throws Exception {
        Answer seeded =
                control.post("/_dev/seed", "{\"dbName\":\"default\",\"collectionName\":\"ext_books\",\"jobs\":25}");

        assertThat(seeded.body()).isEqualTo("{\"seeded\":25}");
        assertThat(api.list("{\"collectionName\":\"ext_books\"}").data().get("records"))
                .hasSize(25);
        assertBadRequest(control.post("/_dev/seed", "{\"collectionName\":\"plain_coll\",\"jobs\":1}"), "plain_coll");
        assertBadRequest(
                control.post("/_dev/seed", "{\"collectionName\":\"nope\",\"jobs\":1}"), "collection not found");
    }

    @Test
    void unknownControlPathsAndMethodsAre404() throws Exception {
        assertThat(control.get("/_dev/faults").status()).isEqualTo(404);
        assertThat(control.post("/_dev/stats", "").status()).isEqualTo(404);
        assertThat(control.post("/_dev/nothing", "{}").body()).isEqualTo("404 page not found");
    }

    private static void assertBadRequest(Answer answer, String reason) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(answer.json().get("error").textValue()).contains(reason);
    }
}
