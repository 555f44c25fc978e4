package io.zrefresh.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zrefresh.config.ConfigException;
import io.zrefresh.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The --events stream: JSON Lines, one object per event, each written and flushed as it happens,
 * each with its {@code time} in RFC 3339 UTC. The first line is {@code start}, the last {@code
 * finished}. Tools read it while people watch the progress on stderr.
 */
public final class EventLog implements AutoCloseable {

    /** The version of the events' shape, in the start event; it grows when a field changes meaning. */
    static final int VERSION = 1;

    /** No --events: nothing is written. */
    public static final EventLog NONE = new EventLog(null, null, null);

    /**
     * The event files open in this JVM, by absolute path: the commands of {@code zrefresh shell
     * --events F} add their events to the file the shell opened instead of truncating it.
     */
    private static final Map<Path, Opened> OPEN = new HashMap<>();

    /** An open event file and how many logs write to it. */
    private static final class Opened {
        private final PrintStream out;
        private int users;

        Opened(PrintStream out) {
            this.out = out;
        }
    }

    private final PrintStream out;
    private final Clock clock;
    /** The file this log shares, or null for stderr and for none. */
    private final Path file;

    private EventLog(PrintStream out, Clock clock, Path file) {
        this.out = out;
        this.clock = clock;
        this.file = file;
    }

    /**
     * Creates or truncates the file now, before any request, or writes to stderr for {@code -}.
     *
     * @throws ConfigException when the file cannot be written
     */
    public static EventLog open(Path path, PrintStream stderr, Clock clock) throws ConfigException {
        if (path.toString().equals("-")) {
            return new EventLog(stderr, clock, null);
        }
        Path file = path.toAbsolutePath().normalize();
        synchronized (OPEN) {
            Opened opened = OPEN.get(file);
            if (opened == null) {
                try {
                    OutputStream stream = Files.newOutputStream(file);
                    opened = new Opened(new PrintStream(stream, false, StandardCharsets.UTF_8));
                } catch (IOException | UnsupportedOperationException failed) {
                    throw new ConfigException("--events: cannot write " + path + " (" + reason(failed) + ")", failed);
                }
                OPEN.put(file, opened);
            }
            opened.users++;
            return new EventLog(opened.out, clock, file);
        }
    }

    private static String reason(Exception failed) {
        if (failed instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (failed instanceof AccessDeniedException) {
            return "permission denied";
        }
        return failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
    }

    public boolean isOn() {
        return out != null;
    }

    /** A new event of this type, to fill and {@link #write}. */
    public ObjectNode event(String type) {
        return Json.object().put("type", type);
    }

    /** Adds the time and writes the event as one line, at once. */
    public synchronized void write(ObjectNode event) {
        if (out == null) {
            return;
        }
        event.put("time", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        // a line for stderr too (--events -): no control character reaches the terminal
        out.print(Json.line(event) + "\n");
        out.flush();
    }

    /** The first line of the stream. */
    public void start(String command, String zrefreshVersion) {
        write(event("start").put("version", VERSION).put("command", command).put("zrefreshVersion", zrefreshVersion));
    }

    /** The last line of the stream. */
    public void finished(int exitCode) {
        write(event("finished").put("exitCode", exitCode));
    }

    @Override
    public void close() {
        if (file == null) {
            return;
        }
        synchronized (OPEN) {
            Opened opened = OPEN.get(file);
            if (--opened.users == 0) {
                OPEN.remove(file);
                opened.out.close();
            }
        }
    }
}
