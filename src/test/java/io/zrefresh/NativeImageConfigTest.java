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
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A native binary reflects only on what was registered when it was built, and picocli reflects on every command,
 * mixin, converter, completion-candidate class, the version provider and every bound field and method. Their
 * registration is picocli-codegen's, from the annotations it sees at compile time. This test walks the command
 * model as zrefresh builds it at run time and requires each of our classes and members in that generated
 * reflect-config.json, so a command wired in a way the annotation processor cannot see fails here, not in the
 * native binary. The configuration written by hand (for JLine) must name classes and members that exist.
 */
class NativeImageConfigTest {

    private static final String GENERATED_REFLECT_CONFIG =
            "META-INF/native-image/picocli-generated/io.zrefresh/zrefresh/reflect-config.json";
    private static final String JLINE_CONFIG = "META-INF/native-image/io.zrefresh/zrefresh/jline/";
    private static final String OUR_PACKAGE = "io.zrefresh.";
    private static final List<Class<? extends Annotation>> BINDING_ANNOTATIONS = List.of(
            CommandLine.Option.class,
            CommandLine.Parameters.class,
            CommandLine.Mixin.class,
            CommandLine.Spec.class,
            CommandLine.ParentCommand.class,
            CommandLine.ArgGroup.class,
            CommandLine.Unmatched.class);

    private static Map<String, JsonNode> registered;
    private static Set<Class<?>> instantiated;
    private static Set<Class<?>> optionTypes;

    @BeforeAll
    static void walkTheCommandModel() throws IOException {
        registered = readRegistrations();
        instantiated = new LinkedHashSet<>();
        optionTypes = new LinkedHashSet<>();
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        collect(
                Cli.create(World.of(nowhere, nowhere, Map.of())).getCommandSpec(),
                Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    @Test
    void theWalkReachesEveryKindOfReflectedClass() {
        assertThat(instantiated)
                .extracting(Class::getSimpleName)
                .contains(
                        "RootCommand",
                        "DescribeCommand",
                        "ContextCommand",
                        "WaitOptions",
                        "VersionProvider",
                        "DurationConverter",
                        "Formats",
                        "CollectionNames");
        assertThat(optionTypes).extracting(Class::getSimpleName).contains("JobId", "OutputFormat");
    }

    @Test
    void everyClassPicocliInstantiatesIsRegisteredWithItsConstructors() {
        for (Class<?> type : instantiated) {
            assertThat(registered)
                    .as("reflect-config.json registers %s", type.getName())
                    .containsKey(type.getName());
            assertThat(registered
                            .get(type.getName())
                            .path("allDeclaredConstructors")
                            .asBoolean())
                    .as("the constructors of %s are registered", type.getName())
                    .isTrue();
        }
    }

    @Test
    void everyOptionTypeOfOursIsRegistered() {
        for (Class<?> type : optionTypes) {
            assertThat(registered)
                    .as("reflect-config.json registers %s", type.getName())
                    .containsKey(type.getName());
        }
    }

    @Test
    void everyBoundFieldAndMethodIsRegistered() {
        for (Class<?> type : instantiated) {
            for (Class<?> declaring = type;
                    declaring.getName().startsWith(OUR_PACKAGE);
                    declaring = declaring.getSuperclass()) {
                for (Field field : declaring.getDeclaredFields()) {
                    if (isBound(field.getAnnotations())) {
                        assertThat(registers(declaring, "fields", field.getName()))
                                .as("%s.%s is registered", declaring.getName(), field.getName())
                                .isTrue();
                    }
                }
                for (Method method : declaring.getDeclaredMethods()) {
                    if (isBound(method.getAnnotations())) {
                        assertThat(registers(declaring, "methods", method.getName()))
                                .as("%s.%s() is registered", declaring.getName(), method.getName())
                                .isTrue();
                    }
                }
            }
        }
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

    /** Everything picocli reflects on in this command, its mixins and its subcommands. */
    private static void collect(CommandSpec spec, Set<CommandSpec> seen) {
        if (!seen.add(spec)) {
            return;
        }
        addOurs(instantiated, spec.userObject().getClass());
        if (spec.versionProvider() != null) {
            addOurs(instantiated, spec.versionProvider().getClass());
        }
        if (spec.defaultValueProvider() != null) {
            addOurs(instantiated, spec.defaultValueProvider().getClass());
        }
        for (ArgSpec arg : spec.args()) {
            for (ITypeConverter<?> converter : arg.converters()) {
                addOurs(instantiated, converter.getClass());
            }
            if (arg.completionCandidates() != null) {
                addOurs(instantiated, arg.completionCandidates().getClass());
            }
            if (arg.parameterConsumer() != null) {
                addOurs(instantiated, arg.parameterConsumer().getClass());
            }
            addOurs(optionTypes, arg.type());
            for (Class<?> auxiliary : arg.auxiliaryTypes()) {
                addOurs(optionTypes, auxiliary);
            }
        }
        spec.mixins().values().forEach(mixin -> collect(mixin, seen));
        spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), seen));
    }

    private static void addOurs(Set<Class<?>> classes, Class<?> type) {
        if (type != null && type.getName().startsWith(OUR_PACKAGE)) {
            classes.add(type);
        }
    }

    private static boolean isBound(Annotation[] annotations) {
        return Arrays.stream(annotations)
                .anyMatch(annotation -> BINDING_ANNOTATIONS.contains(annotation.annotationType()));
    }

    /** Whether the entry of this class lists the member, or all declared ones, of this kind ("fields" or "methods"). */
    private static boolean registers(Class<?> type, String kind, String memberName) {
        JsonNode entry = registered.get(type.getName());
        if (entry == null) {
            return false;
        }
        String allDeclared = kind.equals("fields") ? "allDeclaredFields" : "allDeclaredMethods";
        if (entry.path(allDeclared).asBoolean()) {
            return true;
        }
        for (JsonNode member : entry.path(kind)) {
            if (member.path("name").asText().equals(memberName)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, JsonNode> readRegistrations() throws IOException {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        resource(GENERATED_REFLECT_CONFIG)
                .forEach(entry -> entries.put(entry.path("name").asText(), entry));
        return entries;
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = NativeImageConfigTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in)
                    .as("%s on the class path (picocli-codegen writes the generated one)", name)
                    .isNotNull();
            return Json.parse(in.readAllBytes());
        }
    }
}
