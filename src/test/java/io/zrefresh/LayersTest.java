package io.zrefresh;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages depend on each other in one direction: cli -> refresh -> api, all of them on the
 * job model; config and output are the cli's; the dev server stands apart and shares nothing with
 * the client but the contract.
 */
class LayersTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zrefresh");

    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("entry point")
                .definedBy("io.zrefresh")
                .layer("cli")
                .definedBy("io.zrefresh.cli..")
                .layer("refresh")
                .definedBy("io.zrefresh.refresh..")
                .layer("api")
                .definedBy("io.zrefresh.api..")
                .layer("job model")
                .definedBy("io.zrefresh.job..")
                .layer("config")
                .definedBy("io.zrefresh.config..")
                .layer("output")
                .definedBy("io.zrefresh.output..")
                .layer("json")
                .definedBy("io.zrefresh.json..")
                .layer("time")
                .definedBy("io.zrefresh.time..")
                .layer("dev server")
                .definedBy("io.zrefresh.devserver..")
                .whereLayer("cli")
                .mayOnlyBeAccessedByLayers("entry point")
                .whereLayer("refresh")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("api")
                .mayOnlyBeAccessedByLayers("cli", "refresh")
                .whereLayer("config")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("output")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("job model")
                .mayOnlyBeAccessedByLayers("cli", "refresh", "api", "output")
                .whereLayer("json")
                .mayOnlyBeAccessedByLayers("cli", "refresh", "api", "output", "job model")
                .whereLayer("time")
                .mayOnlyBeAccessedByLayers("entry point", "cli", "refresh", "api", "output")
                .whereLayer("dev server")
                .mayOnlyBeAccessedByLayers("cli")
                .whereLayer("dev server")
                .mayNotAccessAnyLayer()
                .check(MAIN_CLASSES);
    }
}
