package io.zrefresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zrefresh.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the release ships beside zrefresh's own code: a third-party notice that names every library the jar
 * bundles and carries the licence texts their licences require, and the SBOM, both in the jar and in the
 * distribution users download.
 */
class ReleaseContentsIT {

    /** Where each bundled library's classes live in the jar, and the artifact the notice and the SBOM name. */
    private static final Map<String, String> LIBRARIES = Map.of(
            "picocli/", "info.picocli:picocli",
            "com/fasterxml/jackson/annotation/", "com.fasterxml.jackson.core:jackson-annotations",
            "com/fasterxml/jackson/core/", "com.fasterxml.jackson.core:jackson-core",
            "com/fasterxml/jackson/databind/", "com.fasterxml.jackson.core:jackson-databind",
            "com/fasterxml/jackson/dataformat/yaml/", "com.fasterxml.jackson.dataformat:jackson-dataformat-yaml",
            "org/yaml/snakeyaml/", "org.yaml:snakeyaml",
            "io/burt/jmespath/jackson/", "io.burt:jmespath-jackson",
            "io/burt/jmespath/", "io.burt:jmespath-core",
            "org/jline/", "org.jline:jline");

    private static final String NOTICE = "META-INF/THIRD-PARTY.txt";
    private static final String SBOM = "META-INF/sbom/zrefresh.cdx.json";

    private final Path jar = Path.of(System.getProperty("zrefresh.jar"));

    @TempDir
    Path unpacked;

    @Test
    void theNoticeNamesEveryLibraryTheJarBundlesAndCarriesTheTextsItsLicencesRequire() throws IOException {
        String notice = entry(NOTICE);
        assertThat(bundledLibraries())
                .allSatisfy(library ->
                        assertThat(notice).as("%s names %s", NOTICE, library).contains("(" + library + ":"));
        assertThat(notice)
                .as("the BSD-3-Clause texts of JMESPath and JLine, the notices of Jackson")
                .contains(
                        "Copyright (c) 2016, Burt Intelligence AB and contributors",
                        "Neither the name of JLine nor the names of its contributors",
                        "Copyright 2007-, Tatu Saloranta",
                        "Copyright 2018-2020 Raffaello Giulietti");
    }

    @Test
    void theSbomListsEveryLibraryTheJarBundles() throws IOException {
        JsonNode sbom = Json.parse(entry(SBOM));
        assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(sbom.path("metadata").path("component").path("name").asText())
                .isEqualTo("zrefresh");
        Set<String> components = new TreeSet<>();
        sbom.path("components")
                .forEach(component -> components.add(component.path("group").asText() + ":"
                        + component.path("name").asText()));
        assertThat(components).containsAll(bundledLibraries());
    }

    @Test
    void theDistributionCarriesTheJarsNoticeAndSbom() throws Exception {
        Path archive = Path.of(System.getProperty("zrefresh.distribution"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
                .inheritIO()
                .start();
        assertThat(tar.waitFor()).as("tar -xzf " + archive).isZero();
        Path install;
        try (Stream<Path> top = Files.list(unpacked)) {
            install = top.findFirst().orElseThrow();
        }
        assertThat(install.resolve("THIRD-PARTY.txt")).hasContent(entry(NOTICE));
        assertThat(install.resolve("zrefresh.cdx.json")).hasContent(entry(SBOM));
    }

    /** The artifacts whose classes the jar holds; a class of no known library fails the test. */
    private Set<String> bundledLibraries() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> classes = file.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
                    .filter(name -> !name.startsWith("io/zrefresh/"))
                    .collect(Collectors.toList());
            Set<String> libraries = new TreeSet<>();
            for (String name : classes) {
                String library = LIBRARIES.entrySet().stream()
                        .filter(prefix -> name.startsWith(prefix.getKey()))
                        .max(Map.Entry.comparingByKey())
                        .map(Map.Entry::getValue)
                        .orElseThrow(() -> new AssertionError(name
                                + " belongs to no library this test knows: add it to LIBRARIES, and check that its"
                                + " licence is in pom.xml's includedLicenses and its texts in src/license/texts/"));
                libraries.add(library);
            }
            assertThat(libraries).as("the libraries the jar bundles").isNotEmpty();
            return libraries;
        }
    }

    private String entry(String name) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry(name)).as("%s in %s", name, jar).isNotNull();
            return new String(file.getInputStream(file.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
