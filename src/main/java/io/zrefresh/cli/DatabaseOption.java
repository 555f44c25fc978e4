package io.zrefresh.cli;

import picocli.CommandLine.Model.CommandSpec;

/** --database of the commands that name collections. */
final class DatabaseOption {

    String database;

    DatabaseOption(CommandSpec command) {
        command.addOption(Specs.option(String.class, value -> database = value, "--database")
                .paramLabel("DB")
                .description("Database (default: ZILLIZ_DATABASE, the context's, else default).")
                .build());
    }
}
