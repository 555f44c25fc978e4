package io.zrefresh.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar; also the User-Agent's. */
public final class VersionProvider implements IVersionProvider {

    private static final String VERSION = load();

    public static String version() {
        return VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"zrefresh " + VERSION};
    }

    private static String load() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/io/zrefresh/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException unreadable) {
            return "dev";
        }
    }
}
