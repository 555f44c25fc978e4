package io.zrefresh.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The answer of list: the server's {@code data} as it came, and its records as jobs (newest first,
 * as the server orders them).
 */
public record JobList(JsonNode data, List<Job> records) {
}
