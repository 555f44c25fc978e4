package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.cli.Cli;
import io.zrefresh.cli.World;
import io.zrefresh.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A native binary reflects only on what was registered when it was built. zrefresh's commands are declared with
 * picocli's programmatic model, each argument bound to its field by a setter of ours, so picocli reflects on none of
 * our classes and nothing of ours needs registering. This test walks the command model as zrefresh builds it and
 * fails when a command, option or parameter is declared by annotations or bound by reflection again (picocli's
 * field and method bindings). The configuration written by hand (for JLine) must name classes and members that
 * exist.
 */
class NativeImageConfigTest {

    private static final String JLINE_CONFIG = "META-INF/native-image/io.zrefresh/zrefresh/jline/";
    private static final String OUR_PACKAGE = "io.zrefresh.";
    /** picocli's binding that holds a value itself (the help and version flags), no reflection involved. */
    private static final String PICOCLI_VALUE_BINDING = "picocli.CommandLine$Model$ObjectBinding";

    /** Every command of the model by its path ("zrefresh context set"). */
    private static final Map<String, CommandSpec> commands = new LinkedHashMap<>();

    @BeforeAll
    static void walkTheCommandModel() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        collect(Cli.create(World.of(nowhere, nowhere, Map.of())).getCommandSpec());
    }

    @Test
    void theWalkReachesEveryCommand() {
        assertThat(commands)
                .containsKeys(
                        "zrefresh",
                        "zrefresh describe",
                        "zrefresh context set",
                        "zrefresh external-collection refresh trigger",
                        "zrefresh __complete contexts");
    }

    @Test
    void everyArgumentIsBoundWithoutReflection() {
        List<String> arguments = new ArrayList<>();
        commands.forEach((path, spec) -> {
            for (ArgSpec arg : spec.args()) {
                String name = path + " " + arg;
                arguments.add(name);
                for (Object binding : List.of(arg.getter(), arg.setter())) {
                    String type = binding.getClass().getName();
                    assertThat(type.startsWith(OUR_PACKAGE) || type.equals(PICOCLI_VALUE_BINDING))
                            .as(
                                    "%s is bound by %s: declare it with Specs, so that picocli needs no reflection",
                                    name, type)
                            .isTrue();
                }
            }
        });
        assertThat(arguments).as("the arguments walked").hasSizeGreaterThan(50);
    }

    @Test
    void noCommandOfOursCarriesPicocliAnnotations() {
        commands.forEach((path, spec) -> {
            Class<?> command = spec.userObject().getClass();
            assertThat(command.getName()).as("the command object of %s", path).startsWith(OUR_PACKAGE);
            for (Class<?> type = command; type.getName().startsWith(OUR_PACKAGE); type = type.getSuperclass()) {
                Stream.of(
                                Stream.<AnnotatedElement>of(type),
                                Stream.<AnnotatedElement>of(type.getDeclaredFields()),
                                Stream.<AnnotatedElement>of(type.getDeclaredMethods()))
                        .flatMap(elements -> elements)
                        .forEach(element -> assertThat(picocliAnnotations(element))
                                .as("picocli annotations on %s (of %s)", element, path)
                                .isEmpty());
            }
        });
    }

    @Test
    void ourHandWrittenConfigNamesMembersThatExist() throws Exception {
        JsonNode reflection = resource(JLINE_CONFIG + "reflect-config.json");
        assertThat(reflection).isNotEmpty();
        for (JsonNode entry : reflection) {
            Class<?> type = Class.forName(entry.path("name").asText());
            for (JsonNode field : entry.path("fields")) {
                assertThat(type.getDeclaredField(field.path("name").asText())).isNotNull();
            }
            for (JsonNode method : entry.path("methods")) {
                List<Class<?>> parameters = new ArrayList<>();
                for (JsonNode parameter : method.path("parameterTypes")) {
                    parameters.add(Class.forName(parameter.asText()));
                }
                Class<?>[] parameterTypes = parameters.toArray(Class<?>[]::new);
                String name = method.path("name").asText();
                assertThat(
                                name.equals("<init>")
                                        ? type.getDeclaredConstructor(parameterTypes)
                                        : type.getDeclaredMethod(name, parameterTypes))
                        .isNotNull();
            }
        }
        for (JsonNode proxy : resource(JLINE_CONFIG + "proxy-config.json")) {
            for (JsonNode name : proxy.path("interfaces")) {
                assertThat(Class.forName(name.asText()).isInterface())
                        .as(name.asText())
                        .isTrue();
            }
        }
    }

    private static void collect(CommandSpec spec) {
        if (commands.putIfAbsent(spec.qualifiedName(" "), spec) == null) {
            spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec()));
        }
    }

    private static List<String> picocliAnnotations(AnnotatedElement element) {
        return Stream.of(element.getAnnotations())
                .map(Annotation::annotationType)
                .map(Class::getName)
                .filter(name -> name.startsWith("picocli."))
                .toList();
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = NativeImageConfigTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("%s on the class path", name).isNotNull();
            return Json.parse(in.readAllBytes());
        }
    }
}
