package io.zrefresh.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Standard input as zrefresh reads it: closed input is told apart from empty input, and a line
 * meant as a secret is read with limits.
 */
public final class StandardInput {

    /** Longer than any API key; a longer first line is not one. */
    static final int MAX_LINE_BYTES = 4096;

    private StandardInput() {}

    /**
     * The process's standard input, or, when it was closed ({@code zrefresh ... <&-}), a stream
     * whose reads fail with "standard input is closed". A closed descriptor 0 does not stay
     * closed: the first file the runtime opens gets it (the JVM's runtime image, the jar), and
     * System.in would read that. Linux's /proc tells what descriptor 0 is; without /proc, only a
     * descriptor that is still closed can be told (its status cannot be read).
     */
    public static InputStream of(InputStream systemIn) {
        return isClosed() ? new Closed() : systemIn;
    }

    private static boolean isClosed() {
        Path target;
        try {
            target = Files.readSymbolicLink(Path.of("/proc/self/fd/0"));
        } catch (NoSuchFileException closed) {
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException noProc) {
            return !hasStatus(FileDescriptor.in);
        }
        if (!target.isAbsolute() || target.startsWith("/dev/")) {
            return false; // a pipe, a socket, a terminal, /dev/null
        }
        return target.startsWith("/proc/")
                || isUnder(target, System.getProperty("java.home"))
                || isUnder(target, ownJar())
                || isUnder(target, "/proc/self/exe");
    }

    /** Whether the descriptor is open: its status (fstat) can be read. The stream is left open. */
    @SuppressWarnings("resource")
    private static boolean hasStatus(FileDescriptor descriptor) {
        try {
            new FileInputStream(descriptor).getChannel().size();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static String ownJar() {
        try {
            CodeSource source = StandardInput.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException unknown) {
            return null;
        }
    }

    private static boolean isUnder(Path target, String place) {
        if (place == null) {
            return false;
        }
        try {
            return target.startsWith(Path.of(place).toRealPath());
        } catch (IOException | InvalidPathException gone) {
            return false;
        }
    }

    /**
     * The first line of the input, without its end (LF or CRLF), as strict UTF-8; null when the
     * input is empty. Reads byte by byte, so nothing after the line is consumed.
     *
     * @throws IOException when the input is closed, the line is not UTF-8 text, or is longer than
     *                     {@value #MAX_LINE_BYTES} bytes
     */
    public static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next = in.read();
        if (next < 0) {
            return null;
        }
        for (; next >= 0 && next != '\n'; next = in.read()) {
            if (line.size() == MAX_LINE_BYTES) {
                throw new IOException("the first line of standard input is longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(next);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException binary) {
            throw new IOException("the first line of standard input is not UTF-8 text", binary);
        }
    }

    /** Standard input that was closed: every read fails, saying so. */
    static final class Closed extends InputStream {
        static final String MESSAGE = "standard input is closed";

        @Override
        public int read() throws IOException {
            throw new IOException(MESSAGE);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            throw new IOException(MESSAGE);
        }
    }
}
