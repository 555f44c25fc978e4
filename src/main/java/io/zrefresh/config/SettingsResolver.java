package io.zrefresh.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves context, endpoint, database and API key, highest first: flag, environment, context
 * section, default. The one place that knows this order.
 */
public final class SettingsResolver {

    public static final String ENV_CONTEXT = "ZILLIZ_CONTEXT";
    public static final String ENV_ENDPOINT = "ZILLIZ_ENDPOINT";
    public static final String ENV_DATABASE = "ZILLIZ_DATABASE";
    public static final String ENV_API_KEY = "ZILLIZ_API_KEY";
    public static final String DEFAULT_DATABASE = "default";

    private final ContextStore store;
    private final Map<String, String> env;

    public SettingsResolver(ContextStore store, Map<String, String> env) {
        this.store = store;
        this.env = env;
    }

    /** --context > ZILLIZ_CONTEXT > default. */
    public String context(String flag) {
        return first(flag, env.get(ENV_CONTEXT)).orElse(ContextStore.DEFAULT_CONTEXT);
    }

    /** --database > ZILLIZ_DATABASE > [context] database > default. */
    public String database(String context, String flag) throws ConfigException {
        return first(
                        flag,
                        env.get(ENV_DATABASE),
                        store.config().get(context, ContextStore.DATABASE).orElse(null))
                .orElse(DEFAULT_DATABASE);
    }

    /**
     * @param endpointFlag --endpoint, already checked by {@link Endpoints#parse}, or null
     */
    public Target resolve(String contextFlag, URI endpointFlag, String databaseFlag) throws ConfigException {
        String context = context(contextFlag);
        boolean named = first(contextFlag, env.get(ENV_CONTEXT)).isPresent();
        if (named && !context.equals(ContextStore.DEFAULT_CONTEXT) && !store.exists(context)) {
            throw new ConfigException("Context \"" + context + "\" is not defined in " + store.configPath()
                    + knownContexts() + "; create it with: zrefresh context set " + context + " --endpoint URL");
        }
        URI endpoint = endpoint(context, endpointFlag);
        List<String> warnings = new ArrayList<>();
        Path config = store.configPath();
        for (Path path : List.of(config, store.directory().root())) {
            if (PrivateFiles.writableByOthers(path)) {
                warnings.add("Warning: " + path + " can be changed by other users, who could point the endpoint at"
                        + " a server of theirs and receive the key; run: chmod go-w " + path);
            }
        }
        String apiKey = apiKey(context, warnings);
        if (Endpoints.exposesCredentials(endpoint)) {
            warnings.add("Warning: the API key is sent over plain http to " + endpoint.getHost()
                    + "; anyone on the network path can read it (use https).");
        }
        return new Target(context, endpoint, database(context, databaseFlag), apiKey, List.copyOf(warnings));
    }

    private URI endpoint(String context, URI flag) throws ConfigException {
        if (flag != null) {
            return flag;
        }
        String fromEnv = env.get(ENV_ENDPOINT);
        String fromFile = store.config().get(context, ContextStore.ENDPOINT).orElse(null);
        String value = first(fromEnv, fromFile)
                .orElseThrow(() ->
                        new ConfigException("No endpoint for context \"" + context + "\": none in " + store.configPath()
                                + ", ZILLIZ_ENDPOINT is not set and no --endpoint was given. Set one with: zrefresh context set "
                                + context + " --endpoint https://... (or export ZILLIZ_ENDPOINT=https://...)"));
        try {
            return Endpoints.parse(value);
        } catch (IllegalArgumentException invalid) {
            String origin = value.equals(fromEnv) ? "ZILLIZ_ENDPOINT" : store.configPath() + " [" + context + "]";
            throw new ConfigException("Invalid endpoint in " + origin + ": " + invalid.getMessage());
        }
    }

    private String apiKey(String context, List<String> warnings) throws ConfigException {
        Optional<String> fromEnv = first(env.get(ENV_API_KEY));
        if (fromEnv.isPresent()) {
            return sendable(fromEnv.get(), ENV_API_KEY, "export " + ENV_API_KEY + "=... again");
        }
        Path credentials = store.directory().credentialsFile();
        Optional<String> section = store.keySection(context);
        if (section.isEmpty()) {
            throw new ConfigException("No API key for context \"" + context + "\": none in " + credentials
                    + " and ZILLIZ_API_KEY is not set. Set one with: zrefresh context set "
                    + context + " --api-key-stdin (or export ZILLIZ_API_KEY=...)");
        }
        if (PrivateFiles.readableByOthers(credentials)) {
            warnings.add("Warning: " + credentials + " is readable by other users; run: chmod 600 " + credentials);
        }
        return sendable(
                store.credentials().get(section.get(), ContextStore.API_KEY).orElseThrow(),
                "The API key of [" + section.get() + "] in " + credentials,
                "zrefresh context set " + section.get() + " --api-key-stdin");
    }

    /** The key, when it can go into an HTTP header; else a message that tells where it is and what is wrong. */
    private static String sendable(String key, String origin, String fix) throws ConfigException {
        Optional<String> problem = ApiKeys.problem(key.strip());
        if (problem.isPresent()) {
            throw new ConfigException(origin + " cannot be sent: it " + problem.get()
                    + " (the key is not shown). Set it again with: " + fix);
        }
        return key.strip();
    }

    private String knownContexts() throws ConfigException {
        List<String> names = store.names();
        return names.isEmpty() ? " (no contexts are defined)" : " (known: " + String.join(", ", names) + ")";
    }

    private static Optional<String> first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return Optional.of(candidate.trim());
            }
        }
        return Optional.empty();
    }
}
