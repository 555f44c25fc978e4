package io.zrefresh.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Checks on endpoint URLs. */
public final class Endpoints {

    private Endpoints() {}

    /**
     * An absolute http(s) URL with a host; it may carry a path prefix.
     *
     * @throws IllegalArgumentException with a sentence for the user
     */
    public static URI parse(String text) {
        String value = text.trim();
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException invalid) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not an endpoint URL (expected https://host[:port][/prefix])");
    }

    /** Plain http to a host other than this machine: a key sent there can be read on the way. */
    public static boolean exposesCredentials(URI endpoint) {
        return "http".equalsIgnoreCase(endpoint.getScheme()) && !isLoopback(endpoint.getHost());
    }

    private static boolean isLoopback(String host) {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are checked: resolving a name here would cost a DNS lookup.
        if (!name.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
