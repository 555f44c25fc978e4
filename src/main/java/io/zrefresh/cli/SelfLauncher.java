package io.zrefresh.cli;

import io.zrefresh.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a {@code zrefresh} script that starts this same build: the native binary, or this JVM with this class path. */
final class SelfLauncher {

    private SelfLauncher() {}

    /** Writes {@code dir/zrefresh} and returns the directory, for the front of PATH. */
    static Path write(Path dir) throws IOException {
        String command;
        if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
            command = quote(ProcessHandle.current().info().command().orElse("zrefresh"));
        } else {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            command = quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "
                    + quote(System.getProperty("java.class.path")) + " " + Main.class.getName();
        }
        Path script = dir.resolve("zrefresh");
        Files.writeString(script, "#!/bin/sh\nexec " + command + " \"$@\"\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            script.toFile().setExecutable(true);
        }
        return dir;
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
