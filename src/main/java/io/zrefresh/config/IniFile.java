package io.zrefresh.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An INI file as the official Zilliz CLI writes it, kept line by line so that a rewrite changes
 * only the lines it must: comments, blank lines, unknown keys and sections stay byte for byte.
 * Keys compare case-insensitively (as Python's configparser does); section names exactly.
 */
public final class IniFile {

    private static final Pattern SECTION = Pattern.compile("\\s*\\[([^\\]]*)]\\s*");
    private static final Pattern ENTRY = Pattern.compile("(\\s*([^=]*?)\\s*=\\s*)(.*?)\\s*");

    private final String origin;
    private final List<String> lines;
    private final String newline;

    private IniFile(String origin, List<String> lines, String newline) {
        this.origin = origin;
        this.lines = lines;
        this.newline = newline;
    }

    /** Reads a file; a missing file is an empty one. */
    public static IniFile read(Path path) throws ConfigException {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (NoSuchFileException missing) {
            return parse("", path.toString());
        } catch (IOException unreadable) {
            throw new ConfigException("Cannot read " + path + ": " + PrivateFiles.reason(unreadable, path), unreadable);
        }
    }

    public static IniFile parse(String text, String origin) throws ConfigException {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = new ArrayList<>(List.of(content.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        IniFile file = new IniFile(origin, lines, newline);
        file.validate();
        return file;
    }

    private void validate() throws ConfigException {
        boolean inSection = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isBlankOrComment(line)) {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                if (section.group(1).isBlank()) {
                    throw malformed(i, "a section name is empty");
                }
                inSection = true;
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            if (!entry.matches() || entry.group(2).isEmpty()) {
                throw malformed(i, "expected [section], key = value, or a comment");
            }
            if (!inSection) {
                throw malformed(i, "a key comes before any [section]");
            }
        }
    }

    private ConfigException malformed(int index, String why) {
        return new ConfigException(origin + ":" + (index + 1) + ": malformed line (" + why + "): "
                + lines.get(index).strip());
    }

    public List<String> sections() {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            Matcher section = SECTION.matcher(line);
            if (section.matches() && !names.contains(section.group(1).trim())) {
                names.add(section.group(1).trim());
            }
        }
        return names;
    }

    public boolean hasSection(String name) {
        return sections().contains(name);
    }

    /** The entries of a section in file order; a key given twice keeps its last value. */
    public Map<String, String> section(String name) {
        Map<String, String> entries = new LinkedHashMap<>();
        String current = null;
        for (String line : lines) {
            if (isBlankOrComment(line)) {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                current = section.group(1).trim();
            } else if (name.equals(current)) {
                Matcher entry = ENTRY.matcher(line);
                if (entry.matches()) {
                    entries.put(entry.group(2).toLowerCase(Locale.ROOT), entry.group(3));
                }
            }
        }
        return entries;
    }

    public Optional<String> get(String section, String key) {
        return Optional.ofNullable(section(section).get(key.toLowerCase(Locale.ROOT)));
    }

    /** Adds an empty section at the end, unless it exists. */
    public void addSection(String name) {
        if (hasSection(name)) {
            return;
        }
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
            lines.add("");
        }
        lines.add("[" + name + "]");
    }

    /** Sets a key, rewriting its line in place (keeping its spacing) or adding it to the section. */
    public void set(String section, String key, String value) {
        int at = lastEntryLine(section, key);
        if (at >= 0) {
            Matcher entry = ENTRY.matcher(lines.get(at));
            if (entry.matches()) {
                lines.set(at, entry.group(1) + value);
            }
            return;
        }
        addSection(section);
        lines.add(afterLastEntry(headerLine(section)), key + " = " + value);
    }

    /** Removes a section's header and entries; comments and blank lines after its last entry stay. */
    public boolean removeSection(String name) {
        boolean removed = false;
        for (int start = headerLine(name); start >= 0; start = headerLine(name)) {
            lines.subList(start, afterLastEntry(start)).clear();
            removed = true;
        }
        return removed;
    }

    public String render() {
        if (lines.isEmpty()) {
            return "";
        }
        return String.join(newline, lines) + newline;
    }

    /**
     * Replaces {@code path} with this file's text atomically (temp file + rename), so a reader
     * never sees half a file. The temp file is created mode 0600 and written through the handle
     * that created it, so no other user can read it and no link swapped in can receive it. The
     * directory must exist.
     */
    public void writeTo(Path path) throws ConfigException {
        Path temp = path.toAbsolutePath()
                .resolveSibling("." + path.getFileName() + ".tmp"
                        + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(temp);
            try (FileChannel channel = PrivateFiles.newFile(temp)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(render());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
            } catch (FileAlreadyExistsException raced) {
                throw new IOException("temporary file " + temp + " is in use by another zrefresh", raced);
            }
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException failed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the write error below is the one worth reporting
            }
            throw new ConfigException("Cannot write " + path + ": " + PrivateFiles.reason(failed, path), failed);
        }
    }

    private int headerLine(String name) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher section = SECTION.matcher(lines.get(i));
            if (section.matches() && section.group(1).trim().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Index just after the last entry of the section whose header is at {@code header}. */
    private int afterLastEntry(int header) {
        int end = header + 1;
        for (int i = header + 1;
                i < lines.size() && !SECTION.matcher(lines.get(i)).matches();
                i++) {
            if (!isBlankOrComment(lines.get(i))) {
                end = i + 1;
            }
        }
        return end;
    }

    private int lastEntryLine(String section, String key) {
        int found = -1;
        String current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isBlankOrComment(line)) {
                continue;
            }
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                current = header.group(1).trim();
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            if (section.equals(current) && entry.matches() && entry.group(2).equalsIgnoreCase(key)) {
                found = i;
            }
        }
        return found;
    }

    private static boolean isBlankOrComment(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() || trimmed.startsWith(";") || trimmed.startsWith("#");
    }
}
