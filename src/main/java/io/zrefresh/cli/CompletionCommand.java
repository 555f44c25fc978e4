package io.zrefresh.cli;

import io.zrefresh.cli.completion.BashCompletion;
import io.zrefresh.cli.completion.FishCompletion;
import picocli.CommandLine;

final class CompletionCommand extends BaseCommand {

    static final String NAME = "completion";

    String shell;

    CompletionCommand() {
        super(
                NAME,
                "Print a completion script for bash, zsh or fish.",
                "bash: source <(zrefresh completion bash) in ~/.bashrc. "
                        + "zsh: source <(zrefresh completion zsh) in ~/.zshrc after compinit, or save it as _zrefresh "
                        + "in $fpath. fish: zrefresh completion fish > ~/.config/fish/completions/zrefresh.fish.",
                "Context names complete from the config files when TAB is pressed.");
        spec.addPositional(Specs.positional(value -> shell = value)
                .paramLabel("SHELL")
                .completionCandidates(new Candidates.Shells())
                .description("The shell: bash, zsh or fish.")
                .build());
    }

    @Override
    protected boolean reportsTheRun() {
        return false;
    }

    @Override
    protected int run(Session session) throws UsageException {
        // This run's command line holds only this command: the script needs them all.
        CommandLine root = Cli.create(session.world());
        String script = switch (shell) {
            case "bash" -> BashCompletion.bash(root);
            case "zsh" -> BashCompletion.zsh(root);
            case "fish" -> FishCompletion.script(root);
            default -> throw new UsageException("'" + shell + "' is not a shell zrefresh completes: bash, zsh or fish");
        };
        session.world().out().print(script);
        return ExitCode.OK;
    }
}
