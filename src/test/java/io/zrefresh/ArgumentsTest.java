package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Arguments under a locale that is not UTF-8, as the JVM decodes them and as /proc/self/cmdline holds them. */
class ArgumentsTest {

    private static final String ASCII = "ANSI_X3.4-1968";

    /** argv as the kernel holds it: the JVM's own words, then the program's, each NUL-terminated. */
    private static Arguments.CommandLineSource commandLine(byte[]... programArguments) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (String jvm : new String[] {"java", "-Dx=数", "-jar", "zrefresh.jar"}) {
            raw.writeBytes(jvm.getBytes(StandardCharsets.UTF_8));
            raw.write(0);
        }
        for (byte[] argument : programArguments) {
            raw.writeBytes(argument);
            raw.write(0);
        }
        return () -> Optional.of(raw.toByteArray());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void argumentsThatAPosixLocaleReplacedAreReadAgainAsUtf8() throws Exception {
        String[] asTheJvmGotThem = {"trigger", "--name", "ext_unicode_\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD", ""};
        assertThat(Arguments.utf8(
                        asTheJvmGotThem,
                        ASCII,
                        commandLine(utf8("trigger"), utf8("--name"), utf8("ext_unicode_数据"), utf8(""))))
                .containsExactly("trigger", "--name", "ext_unicode_数据", "");
    }

    @Test
    void aLatin1LocaleDecodesWithoutReplacementsButWronglySoNonAsciiIsReadAgain() throws Exception {
        String misread = new String(utf8("título"), StandardCharsets.ISO_8859_1);
        assertThat(Arguments.utf8(new String[] {misread}, "ISO-8859-1", commandLine(utf8("título"))))
                .containsExactly("título");
    }

    @Test
    void underAUtf8LocaleTheArgumentsStandAsTheyAre() throws Exception {
        String[] args = {"--name", "ext_unicode_数据"};
        assertThat(Arguments.utf8(args, "UTF-8", () -> {
                    throw new AssertionError("the command line is read only when needed");
                }))
                .isSameAs(args);
        assertThat(Arguments.utf8(new String[] {"list"}, ASCII, () -> {
                    throw new AssertionError("ASCII needs nothing");
                }))
                .containsExactly("list");
    }

    @Test
    void bytesThatAreNotUtf8AreAUsageErrorNotReplacementCharacters() {
        assertThatThrownBy(() -> Arguments.utf8(
                        new String[] {"--name", "ext_\uFFFD"},
                        "UTF-8",
                        commandLine(utf8("--name"), new byte[] {'e', 'x', 't', '_', (byte) 0xE9})))
                .isInstanceOf(Arguments.NotUtf8.class)
                .hasMessage("Argument 2 ('ext_\uFFFD') is not valid UTF-8: zrefresh reads its arguments as UTF-8.");
    }

    @Test
    void withoutTheRawCommandLineItSaysToUseAUtf8Locale() {
        assertThatThrownBy(() -> Arguments.utf8(new String[] {"ext_\uFFFD\uFFFD"}, ASCII, Optional::empty))
                .isInstanceOf(Arguments.NotUtf8.class)
                .hasMessageContaining("run it under a UTF-8 locale (e.g. LC_ALL=C.UTF-8)");
    }

    @Test
    void aCommandLineThatIsNotTheOneTheJvmGotIsNotTrusted() {
        assertThatThrownBy(() -> Arguments.utf8(
                        new String[] {"--name", "ext_\uFFFD\uFFFD"},
                        ASCII,
                        commandLine(utf8("--name"), utf8("other_数"))))
                .isInstanceOf(Arguments.NotUtf8.class)
                .hasMessageContaining("run it under a UTF-8 locale");
    }
}
