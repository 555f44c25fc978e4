package io.zrefresh.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Files and directories that only their owner may read or write: created 0600 and 0700, whatever
 * the umask (a umask only takes bits away, so the mode given at creation is the widest they get).
 * Also the words for what went wrong with a file, since Java's exceptions often name only the path.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** Creates the directory 0700 when it is missing, and so its missing parents; returns it. */
    public static Path directory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            directory(parent);
        }
        try {
            if (isPosix(parent)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(dir)) {
                throw new NotDirectoryException(dir.toString());
            }
        }
        return dir;
    }

    /**
     * A directory of this user's alone, in a place others can write to (the system's temp
     * directory): made 0700 when missing, and refused when it is a link, belongs to someone else,
     * or cannot be made private.
     */
    public static Path ownDirectory(Path dir) throws IOException {
        directory(dir);
        if (!isPosix(dir)) {
            return dir;
        }
        PosixFileAttributes attributes =
                Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory()) {
            throw new FileSystemException(dir.toString(), null, "it is a link, not a directory");
        }
        // Whatever this process creates is its user's: compare the directory's owner with that.
        Path probe = Files.createTempFile(dir, ".owner", null);
        try {
            if (!Files.getOwner(probe).equals(attributes.owner())) {
                throw new FileSystemException(
                        dir.toString(),
                        null,
                        "it belongs to " + attributes.owner().getName());
            }
        } finally {
            Files.delete(probe);
        }
        if (!attributes.permissions().equals(DIRECTORY_MODE)) {
            Files.setPosixFilePermissions(dir, DIRECTORY_MODE);
        }
        return dir;
    }

    /**
     * Creates a new file 0600 and opens it for writing: the handle that created it is the one that
     * writes, and a link put in its place is never followed.
     */
    public static FileChannel newFile(Path file) throws IOException {
        Set<OpenOption> options =
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        return isPosix(file.toAbsolutePath().getParent())
                ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(FILE_MODE))
                : FileChannel.open(file, options, new FileAttribute<?>[0]);
    }

    /** The file's mode lets the group or others read it. */
    public static boolean readableByOthers(Path file) {
        return modeHasAny(file, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    }

    /** The file's mode lets the group or others change it. */
    public static boolean writableByOthers(Path file) {
        return modeHasAny(file, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    }

    private static boolean modeHasAny(Path file, PosixFilePermission... bits) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            return Arrays.stream(bits).anyMatch(mode::contains);
        } catch (UnsupportedOperationException | IOException noModes) {
            // No such file, or no POSIX modes here (Windows): nothing to warn about.
            return false;
        }
    }

    /**
     * Why an operation on {@code file} failed, in words: "permission denied", "it does not exist",
     * "is a directory", and the path the failure was about when that is another one (a parent).
     */
    public static String reason(IOException failure, Path file) {
        String why;
        if (failure instanceof NoSuchFileException) {
            why = "it does not exist";
        } else if (failure instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (failure instanceof NotDirectoryException) {
            why = "not a directory";
        } else if (failure instanceof FileAlreadyExistsException) {
            why = "it already exists";
        } else if (failure instanceof FileSystemException system && system.getReason() != null) {
            why = lowerFirst(system.getReason());
        } else if (failure.getMessage() != null) {
            why = lowerFirst(failure.getMessage());
        } else {
            why = failure.getClass().getSimpleName();
        }
        if (failure instanceof FileSystemException system
                && system.getFile() != null
                && !Path.of(system.getFile()).toAbsolutePath().equals(file.toAbsolutePath())) {
            String other = system.getOtherFile() == null ? "" : " -> " + system.getOtherFile();
            return why + " (" + system.getFile() + other + ")";
        }
        return why;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    private static boolean isPosix(Path near) {
        Path anchor = near == null ? Path.of("") : near;
        return anchor.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
