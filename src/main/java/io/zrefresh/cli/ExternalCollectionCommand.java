package io.zrefresh.cli;

/** The official Zilliz CLI's command path, so that scripts work by replacing 'zilliz' with 'zrefresh'. */
final class ExternalCollectionCommand extends GroupCommand {

    static final String NAME = "external-collection";

    ExternalCollectionCommand() {
        super(NAME, "The official CLI's path: external-collection refresh trigger|describe|list.", new Refresh().spec);
    }

    static final class Refresh extends GroupCommand {
        Refresh() {
            super(
                    "refresh",
                    "Refresh jobs: trigger, describe, list (same as zrefresh trigger|describe|list).",
                    new TriggerCommand().spec,
                    new DescribeCommand().spec,
                    new ListCommand().spec);
        }
    }
}
