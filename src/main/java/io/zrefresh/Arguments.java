package io.zrefresh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The program's arguments as UTF-8 whatever the locale. The JVM decodes argv with the locale's
 * charset ({@code sun.jnu.encoding}): under {@code LC_ALL=C} each byte above 127 becomes U+FFFD,
 * so {@code ext_数据} would be sent as {@code ext_} and six replacement characters. When an
 * argument may have been decoded so, its bytes are read again from the process's command line
 * (on Linux, {@code /proc/self/cmdline}, whose last entries are the program's arguments) and
 * decoded as UTF-8, strictly. Where that cannot be done, nothing is sent: a usage error says to
 * use a UTF-8 locale.
 */
final class Arguments {

    /** The arguments cannot be had as the UTF-8 text they were typed as. */
    static final class NotUtf8 extends Exception {
        private static final long serialVersionUID = 1L;

        NotUtf8(String message) {
            super(message);
        }
    }

    private static final char REPLACEMENT = '\uFFFD';
    private static final String USE_UTF8 =
            "zrefresh reads its arguments as UTF-8: run it under a UTF-8 locale (e.g. LC_ALL=C.UTF-8)";

    private Arguments() {}

    /** The arguments of this process, as UTF-8. */
    static String[] ofThisProcess(String[] args) throws NotUtf8 {
        return utf8(args, System.getProperty("sun.jnu.encoding"), Arguments::commandLine);
    }

    /**
     * @param decodedWith the charset the JVM decoded the arguments with (null when unknown)
     * @param rawCommandLine the process's command line as NUL-terminated entries, when the system tells it
     */
    static String[] utf8(String[] args, String decodedWith, CommandLineSource rawCommandLine) throws NotUtf8 {
        boolean utf8Locale = isUtf8(decodedWith);
        if (!mayBeMisdecoded(args, utf8Locale)) {
            return args;
        }
        List<byte[]> entries = rawCommandLine.read().map(Arguments::entries).orElse(List.of());
        if (entries.size() < args.length) {
            throw new NotUtf8("The arguments hold characters that this locale ("
                    + (decodedWith == null ? "unknown" : decodedWith) + ") cannot carry; " + USE_UTF8 + ".");
        }
        List<byte[]> own = entries.subList(entries.size() - args.length, entries.size());
        String[] decoded = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            byte[] raw = own.get(i);
            if (!asciiOf(new String(raw, StandardCharsets.ISO_8859_1)).equals(asciiOf(args[i]))) {
                throw new NotUtf8("The arguments could not be read again as UTF-8 (the command line differs from"
                        + " what the JVM got); " + USE_UTF8 + ".");
            }
            try {
                decoded[i] = StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(ByteBuffer.wrap(raw))
                        .toString();
            } catch (CharacterCodingException notUtf8) {
                throw new NotUtf8("Argument " + (i + 1) + " ('" + new String(raw, StandardCharsets.UTF_8)
                        + "') is not valid UTF-8"
                        + (utf8Locale ? ": zrefresh reads its arguments as UTF-8." : "; " + USE_UTF8 + "."));
            }
        }
        return decoded;
    }

    /** Where the process's command line is read from, when the system tells it. */
    @FunctionalInterface
    interface CommandLineSource {
        Optional<byte[]> read();
    }

    private static Optional<byte[]> commandLine() {
        try {
            return Optional.of(Files.readAllBytes(Path.of("/proc/self/cmdline")));
        } catch (IOException | UnsupportedOperationException notLinux) {
            return Optional.empty();
        }
    }

    /**
     * A replacement character is what a decoder leaves for bytes it could not read; under a
     * locale that is not UTF-8, any other character above ASCII may be one decoded wrongly.
     */
    private static boolean mayBeMisdecoded(String[] args, boolean decodedAsUtf8) {
        for (String arg : args) {
            for (int i = 0; i < arg.length(); i++) {
                char c = arg.charAt(i);
                if (c == REPLACEMENT || (c > 0x7F && !decodedAsUtf8)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isUtf8(String charset) {
        try {
            return charset != null && Charset.forName(charset).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** The NUL-terminated entries of a command line. */
    private static List<byte[]> entries(byte[] commandLine) {
        List<byte[]> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < commandLine.length; i++) {
            if (commandLine[i] == 0) {
                entries.add(Arrays.copyOfRange(commandLine, start, i));
                start = i + 1;
            }
        }
        return entries;
    }

    /** The ASCII characters of a text, in order: what every decoding of its bytes agrees on. */
    private static String asciiOf(String text) {
        StringBuilder ascii = new StringBuilder();
        text.chars().filter(c -> c < 0x80).forEach(c -> ascii.append((char) c));
        return ascii.toString();
    }
}
