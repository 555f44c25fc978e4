package io.zrefresh.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrefresh.devserver.ApiClient.Answer;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Test;

class AuthAndRoutingTest extends DevServerTestCase {

    private static final String UNAUTHENTICATED = "{\"code\":1800,\"message\":\"user hasn't authenticated\"}";

    @Override
    DevServerOptions options() {
        return super.options().withToken("s3cret");
    }

    @Test
    void everyEndpointAnswers401WithoutTheToken() throws Exception {
        ApiClient anonymous = new ApiClient(server, null);
        for (Endpoint endpoint : Endpoint.API) {
            Answer answer = anonymous.post(endpoint.path(), "{}");
            assertThat(answer.status()).as(endpoint.path()).isEqualTo(401);
            assertThat(answer.contentType()).isEqualTo("application/json; charset=utf-8");
            assertThat(answer.body()).isEqualTo(UNAUTHENTICATED);
        }
    }

    @Test
    void aWrongTokenIs401BeforeTheBodyIsParsed() throws Exception {
        Answer answer = new ApiClient(server, "wrong").refresh("not json");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo(UNAUTHENTICATED);
        assertThat(server.stats().jobsCreated()).isZero();
    }

    @Test
    void theRightTokenIsAccepted() throws Exception {
        assertThat(client.list("{}").status()).isEqualTo(200);
    }

    @Test
    void withoutATokenAuthIsOff() throws Exception {
        DevServer open = start(options().withToken(""));

        assertThat(new ApiClient(open, null).list("{}").body()).isEqualTo("{\"code\":0,\"data\":{\"records\":[]}}");
    }

    @Test
    void otherMethodsAndPathsGetThePlainText404() throws Exception {
        Answer[] answers = {
            client.get(Endpoint.LIST.path()),
            client.send(client.request(Endpoint.DESCRIBE.path()).PUT(BodyPublishers.ofString("{}"))),
            client.post(Endpoint.LIST.path() + "/", "{}"),
            client.post("/v2/vectordb/jobs/external_collection/progress", "{}"),
            client.post("/v2/vectordb/jobs/external_collection/cancel", "{}"),
            client.get("/"),
        };
        for (Answer answer : answers) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(answer.body()).isEqualTo("404 page not found");
        }
        assertThat(server.stats().requests(Endpoint.ANY)).as("not API requests").isZero();
    }

    @Test
    void aQueryStringDoesNotChangeTheRoute() throws Exception {
        assertThat(client.post(Endpoint.LIST.path() + "?pretty=1", "{}").status())
                .isEqualTo(200);
    }
}
