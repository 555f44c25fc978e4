package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a native binary may reflect on or load is fixed when it is built. Our own code therefore uses no
 * reflection (nor lets picocli reflect on it, see {@link NativeImageConfigTest}), reads and writes
 * JSON with Jackson's tree model only (binding to classes would need configuration for every bound class), and
 * loads only the resources declared in our resource-config.json.
 */
class NativeReadySourcesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String RESOURCE_CONFIG = "META-INF/native-image/io.zrefresh/zrefresh/resource-config.json";

    private static final Pattern REFLECTION = Pattern.compile(
            "Class\\.forName\\(|\\.getDeclared(Field|Method|Constructor)s?\\(|\\.get(Field|Method|Constructor)s?\\("
                    + "|\\.setAccessible\\(|\\.newInstance\\(|\\bjava\\.lang\\.reflect\\.|\\bServiceLoader\\b"
                    + "|MethodHandles\\.privateLookupIn|\\.find(Virtual|Static|Getter|Setter|Constructor)\\(");
    private static final Pattern DATA_BINDING = Pattern.compile(
            "\\.(readValues?|treeToValue|convertValue|valueToTree|updateValue|readerFor|readerForUpdating|writerFor)\\("
                    + "|\\bTypeReference\\b|@Json(Property|Creator|Deserialize|Serialize|AutoDetect)\\b");
    private static final Pattern RESOURCE_LOAD = Pattern.compile("getResources?(AsStream)?\\(|getSystemResource");
    private static final Pattern RESOURCE_LITERAL = Pattern.compile("getResource(AsStream)?\\(\"([^\"]+)\"\\)");
    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|(?m)^\\s*//.*$");

    @Test
    void ourSourcesUseNoReflection() throws IOException {
        assertThat(findings(REFLECTION)).isEmpty();
    }

    @Test
    void ourSourcesBindNoJsonToClasses() throws IOException {
        assertThat(findings(DATA_BINDING)).isEmpty();
    }

    @Test
    void everyResourceWeLoadIsNamedAndDeclared() throws IOException {
        List<String> declared = declaredResourcePatterns();
        List<String> loaded = new ArrayList<>();
        for (Path source : sources()) {
            String code = code(source);
            Matcher literal = RESOURCE_LITERAL.matcher(code);
            List<String> names = new ArrayList<>();
            while (literal.find()) {
                names.add(absoluteResource(source, literal.group(2)));
            }
            assertThat(RESOURCE_LOAD.matcher(code).results().count())
                    .as("every resource %s loads is named by a literal, so that it can be checked", source)
                    .isEqualTo(names.size());
            loaded.addAll(names);
        }
        assertThat(loaded).as("the resources our code loads").contains("io/zrefresh/version.properties");
        for (String resource : loaded) {
            assertThat(declared).as("%s declares %s", RESOURCE_CONFIG, resource).anyMatch(resource::matches);
            assertThat(getClass().getClassLoader().getResource(resource))
                    .as("%s exists", resource)
                    .isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Class<?> type = Class.forName(name);",
                "Field field = Job.class.getDeclaredField(\"id\");",
                "Method run = type.getMethod(\"run\");",
                "field.setAccessible(true);",
                "import java.lang.reflect.Field;",
                "ServiceLoader.load(Plugin.class)"
            })
    void theScanFindsReflection(String line) {
        assertThat(REFLECTION.matcher(line).find()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Job job = mapper.readValue(body, Job.class);",
                "Job job = mapper.treeToValue(node, Job.class);",
                "JsonNode node = mapper.valueToTree(job);",
                "@JsonProperty(\"jobId\") long id;"
            })
    void theScanFindsDataBinding(String line) {
        assertThat(DATA_BINDING.matcher(line).find()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "JsonNode node = Json.mapper().readTree(text);",
                "String name = Main.class.getName();",
                "Map<Endpoint, AtomicLong> requests = new EnumMap<>(Endpoint.class);",
                "String method = request.method();"
            })
    void theScanLetsTreeModelAndPlainCodeThrough(String line) {
        assertThat(REFLECTION.matcher(line).find()).isFalse();
        assertThat(DATA_BINDING.matcher(line).find()).isFalse();
    }

    private static List<String> findings(Pattern pattern) throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path source : sources()) {
            Matcher matcher = pattern.matcher(code(source));
            while (matcher.find()) {
                findings.add(source + ": " + matcher.group());
            }
        }
        return findings;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> sources = files.filter(path -> path.toString().endsWith(".java"))
                    .sorted()
                    .toList();
            assertThat(sources).as("Java sources under %s", SOURCES).isNotEmpty();
            return sources;
        }
    }

    /** The source without comments, which may well name what the code must not do. */
    private static String code(Path source) throws IOException {
        return COMMENTS.matcher(Files.readString(source, StandardCharsets.UTF_8))
                .replaceAll("");
    }

    /** Class.getResource resolves a name without a leading slash against the class's package. */
    private static String absoluteResource(Path source, String name) {
        if (name.startsWith("/")) {
            return name.substring(1);
        }
        return SOURCES.relativize(source.getParent()).toString().replace('\\', '/') + "/" + name;
    }

    private static List<String> declaredResourcePatterns() throws IOException {
        try (InputStream in = NativeReadySourcesTest.class.getClassLoader().getResourceAsStream(RESOURCE_CONFIG)) {
            assertThat(in).as(RESOURCE_CONFIG).isNotNull();
            JsonNode config = Json.parse(in.readAllBytes());
            List<String> patterns = new ArrayList<>();
            config.path("resources")
                    .path("includes")
                    .forEach(include -> patterns.add(include.path("pattern").asText()));
            return patterns;
        }
    }
}
