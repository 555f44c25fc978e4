package io.zrefresh.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on endpoint URLs. */
public final class Endpoints {

    private Endpoints() {}

    /** {@code scheme://} and the user information before an {@code @} in the authority. */
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");

    /**
     * An absolute http(s) URL with a host; it may carry a path prefix. A user name or password in
     * it is refused: zrefresh would never send it (the key goes as a bearer token), and it would
     * show wherever the endpoint does.
     *
     * @throws IllegalArgumentException with a sentence for the user, in which a password is masked
     */
    public static URI parse(String text) {
        String value = text.trim();
        String shown = redact(text);
        URI uri = null;
        try {
            uri = new URI(value);
        } catch (URISyntaxException invalid) {
            // reported below with the expected form
        }
        if (uri != null && uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + shown + "' holds a user name or password: remove the part"
                    + " before '@' (zrefresh sends only the API key, as a bearer token)");
        }
        String scheme =
                uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("https"))
                && uri.getHost() != null
                && uri.getQuery() == null
                && uri.getFragment() == null) {
            return uri;
        }
        throw new IllegalArgumentException(
                "'" + shown + "' is not an endpoint URL (expected https://host[:port][/prefix])");
    }

    /** The text with the user information of a URL (user:password@) replaced by {@code ***@}. */
    public static String redact(String text) {
        Matcher userInfo = USER_INFO.matcher(text.trim());
        return userInfo.find() ? userInfo.replaceFirst("$1***@") : text;
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
