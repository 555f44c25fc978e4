package io.zrefresh.config;

/** A configuration problem: no endpoint or key, an unreadable or malformed file. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
