package io.zrefresh.config;

import java.net.URI;
import java.util.List;

/**
 * Everything a command needs to reach the server, resolved from flags, environment and files.
 *
 * @param warnings one-line warnings for stderr (loose file modes, keys over plain http)
 */
public record Target(String context, URI endpoint, String database, String apiKey, List<String> warnings) {}
