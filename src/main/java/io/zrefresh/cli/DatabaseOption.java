package io.zrefresh.cli;

import picocli.CommandLine.Option;

/** --database of the commands that name collections. */
final class DatabaseOption {

    @Option(
            names = "--database",
            paramLabel = "DB",
            description = "Database (default: ZILLIZ_DATABASE, the context's, else default).")
    String database;
}
