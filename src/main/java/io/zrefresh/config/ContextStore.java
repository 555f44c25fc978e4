package io.zrefresh.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contexts of the config directory: sections of {@code config}, with their API keys in
 * {@code credentials} (a context without its own key section uses {@code [default]}). Reads are
 * lazy and cached for one command; writes go straight to disk.
 */
public final class ContextStore {

    public static final String DEFAULT_CONTEXT = "default";
    public static final String ENDPOINT = "endpoint";
    public static final String DATABASE = "database";
    public static final String CLUSTER_ID = "cluster_id";
    public static final String API_KEY = "api_key";

    private final ConfigDirectory directory;
    private IniFile config;
    private IniFile credentials;

    public ContextStore(ConfigDirectory directory) {
        this.directory = directory;
    }

    public ConfigDirectory directory() {
        return directory;
    }

    public IniFile config() throws ConfigException {
        if (config == null) {
            config = IniFile.read(directory.configFile());
        }
        return config;
    }

    public IniFile credentials() throws ConfigException {
        if (credentials == null) {
            credentials = IniFile.read(directory.credentialsFile());
        }
        return credentials;
    }

    /** Context names: sections of config, and key sections of credentials that are not org sections. */
    public List<String> names() throws ConfigException {
        List<String> names = new ArrayList<>(config().sections());
        for (String section : credentials().sections()) {
            if (!section.contains(".") && !names.contains(section)) {
                names.add(section);
            }
        }
        return names;
    }

    public boolean exists(String name) throws ConfigException {
        return names().contains(name);
    }

    /**
     * The context's keys as in the files, the API key masked (and a password in the endpoint, which
     * zrefresh refuses to use but another tool may have written); empty when it does not exist.
     */
    public Map<String, String> describe(String name) throws ConfigException {
        Map<String, String> view = new LinkedHashMap<>(config().section(name));
        view.computeIfPresent(ENDPOINT, (key, endpoint) -> Endpoints.redact(endpoint));
        ownOrDefaultKey(name).ifPresent(key -> view.put(API_KEY, mask(key)));
        return view;
    }

    public Optional<String> ownOrDefaultKey(String name) throws ConfigException {
        Optional<String> section = keySection(name);
        return section.isEmpty() ? Optional.empty() : credentials().get(section.get(), API_KEY);
    }

    /** The credentials section the context's key comes from: its own, else [default]; empty when neither has one. */
    public Optional<String> keySection(String name) throws ConfigException {
        for (String section : List.of(name, DEFAULT_CONTEXT)) {
            if (credentials()
                    .get(section, API_KEY)
                    .filter(key -> !key.isBlank())
                    .isPresent()) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }

    /** Writes the given keys of a context (null values are left as they are). */
    public void set(String name, Map<String, String> values, String apiKey) throws ConfigException {
        IniFile file = config();
        directory.create();
        file.addSection(name);
        values.forEach((key, value) -> {
            if (value != null) {
                file.set(name, key, value);
            }
        });
        file.writeTo(directory.configFile());
        if (apiKey != null) {
            IniFile keys = credentials();
            keys.set(name, API_KEY, apiKey);
            keys.writeTo(directory.credentialsFile());
        }
    }

    /** Removes a context from both files; returns false when it did not exist. */
    public boolean delete(String name) throws ConfigException {
        boolean inConfig = config().removeSection(name);
        boolean inCredentials = credentials().removeSection(name);
        if (inConfig) {
            config.writeTo(directory.configFile());
        }
        if (inCredentials) {
            credentials.writeTo(directory.credentialsFile());
        }
        return inConfig || inCredentials;
    }

    /** {@code ****} and the last four characters: enough to tell keys apart, not to use one. */
    public static String mask(String key) {
        return "****" + (key.length() > 8 ? key.substring(key.length() - 4) : "");
    }

    public Path configPath() {
        return directory.configFile();
    }
}
