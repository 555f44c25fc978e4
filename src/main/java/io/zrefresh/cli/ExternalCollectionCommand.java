package io.zrefresh.cli;

import picocli.CommandLine.Command;

/** The official Zilliz CLI's command path, so that scripts work by replacing 'zilliz' with 'zrefresh'. */
@Command(
        name = "external-collection",
        description = "The official CLI's path: external-collection refresh trigger|describe|list.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = ExternalCollectionCommand.Refresh.class)
final class ExternalCollectionCommand extends GroupCommand {

    @Command(
            name = "refresh",
            description = "Refresh jobs: trigger, describe, list (same as zrefresh trigger|describe|list).",
            synopsisSubcommandLabel = "COMMAND",
            subcommands = {TriggerCommand.class, DescribeCommand.class, ListCommand.class})
    static final class Refresh extends GroupCommand {}
}
