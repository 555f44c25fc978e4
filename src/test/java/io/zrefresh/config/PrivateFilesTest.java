package io.zrefresh.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path dir;

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void directoriesAreOwnerOnly() throws Exception {
        Path made = PrivateFiles.directory(dir.resolve("a").resolve("b"));
        assertThat(mode(made)).isEqualTo("rwx------");
        Path kept = Files.createDirectory(dir.resolve("kept"));
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateFiles.directory(kept);
        assertThat(mode(kept)).as("an existing directory is the user's choice").isEqualTo("rwxr-xr-x");
    }

    @Test
    void aNewFileIsOwnerOnlyAndNeverALinkFollowed() throws Exception {
        try (FileChannel channel = PrivateFiles.newFile(dir.resolve("new"))) {
            assertThat(channel.isOpen()).isTrue();
        }
        assertThat(mode(dir.resolve("new"))).isEqualTo("rw-------");

        Path target = Files.writeString(dir.resolve("target"), "theirs");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        assertThat(catchThrowableOfType(FileAlreadyExistsException.class, () -> PrivateFiles.newFile(link)))
                .isNotNull();
        assertThat(Files.readString(target)).isEqualTo("theirs");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        assertThat(catchThrowableOfType(FileAlreadyExistsException.class, () -> PrivateFiles.newFile(dangling)))
                .isNotNull();
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void aDirectoryOfOurOwnIsNoLink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        FileSystemException refused =
                catchThrowableOfType(FileSystemException.class, () -> PrivateFiles.ownDirectory(link));
        assertThat(refused.getReason()).isEqualTo("it is a link, not a directory");

        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxrwxrwx"));
        PrivateFiles.ownDirectory(real);
        assertThat(mode(real)).isEqualTo("rwx------");
    }

    @Test
    void reasonsAreWords() {
        Path file = dir.resolve("config");
        assertThat(PrivateFiles.reason(new NoSuchFileException(file.toString()), file))
                .isEqualTo("it does not exist");
        assertThat(PrivateFiles.reason(new AccessDeniedException(file.toString()), file))
                .isEqualTo("permission denied");
        assertThat(PrivateFiles.reason(new AccessDeniedException(dir.toString()), file))
                .isEqualTo("permission denied (" + dir + ")");
        assertThat(PrivateFiles.reason(new IOException("Is a directory"), file)).isEqualTo("is a directory");
    }
}
