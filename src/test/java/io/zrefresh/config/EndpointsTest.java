package io.zrefresh.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void aUserNameOrPasswordInTheEndpointIsRefusedWithoutShowingIt() {
        IllegalArgumentException error = catchThrowableOfType(
                IllegalArgumentException.class, () -> Endpoints.parse("https://admin:hunter2@cluster.example/p"));
        assertThat(error.getMessage())
                .isEqualTo("'https://***@cluster.example/p' holds a user name or password: remove the part before '@'"
                        + " (zrefresh sends only the API key, as a bearer token)");
        assertThat(catchThrowableOfType(
                                IllegalArgumentException.class, () -> Endpoints.parse("https://admin:pa ss@c.example"))
                        .getMessage())
                .as("not a URL at all, and still masked")
                .startsWith("'https://***@c.example' is not an endpoint URL")
                .doesNotContain("pa ss");
    }

    @Test
    void redactMasksOnlyTheUserInformation() {
        assertThat(Endpoints.redact("https://u:p@h.example:443/a@b")).isEqualTo("https://***@h.example:443/a@b");
        assertThat(Endpoints.redact("https://h.example/a@b")).isEqualTo("https://h.example/a@b");
        assertThat(Endpoints.redact("not a url")).isEqualTo("not a url");
    }
}
