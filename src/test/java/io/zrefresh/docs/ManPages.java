package io.zrefresh.docs;

import io.zrefresh.cli.Cli;
import io.zrefresh.cli.EnvironmentAndFiles;
import io.zrefresh.cli.Examples;
import io.zrefresh.cli.World;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.log.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IOptionRenderer;
import picocli.CommandLine.Help.IParameterRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The man pages of man/: for zrefresh and each visible command, picocli's AsciiDoc page made from
 * the command model, with the sections picocli cannot know (exit status on every page, environment
 * and files on zrefresh(1), see also), turned into troff by Asciidoctor's manpage backend.
 */
final class ManPages {

    /** The pages' date, fixed so that every build makes the same files; bump it when a release changes them. */
    static final String DATE = "2026-11-21";

    private ManPages() {}

    /** File name (e.g. zrefresh-context-set.1) to troff, in command order. */
    static Map<String, String> generate() {
        CommandLine root = Cli.create(World.of(nowhere(), nowhere(), Map.of()));
        root.setHelpFactory(ManPages::literalHelp);
        List<CommandSpec> pages = new ArrayList<>();
        collectVisible(root.getCommandSpec(), pages);
        // A page lists its subcommands' purposes: all models are ready before the first page is written.
        Map<CommandSpec, String> purposes = new LinkedHashMap<>();
        Map<String, String> exitCodes = new LinkedHashMap<>();
        root.getCommandSpec()
                .usageMessage()
                .exitCodeList()
                .forEach((code, meaning) -> exitCodes.put(code, literal(meaning)));
        for (CommandSpec page : pages) {
            purposes.put(page, page.usageMessage().description()[0]);
            prepare(page, root.getCommandSpec().version(), exitCodes);
        }
        Map<String, String> troff = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            asciidoctor.registerLogHandler(record -> {
                if (record.getSeverity().compareTo(Severity.WARN) >= 0) {
                    problems.add(record.getSeverity() + " " + record.getMessage());
                }
            });
            for (CommandSpec page : pages) {
                String source = asciiDoc(page, purposes.get(page));
                troff.put(page.qualifiedName("-") + ".1", asciidoctor.convert(source, options()));
                if (!problems.isEmpty()) {
                    throw new IllegalStateException(
                            "Asciidoctor on the page of " + page.qualifiedName() + ": " + problems);
                }
            }
        }
        return troff;
    }

    private static void collectVisible(CommandSpec spec, List<CommandSpec> pages) {
        if (!spec.usageMessage().hidden()) {
            pages.add(spec);
            spec.subcommands().values().forEach(sub -> collectVisible(sub.getCommandSpec(), pages));
        }
    }

    /**
     * The model as a page needs it: every page shows the version and lists the exit status (the
     * codes are zrefresh's, whichever command runs), description lines are paragraphs, and the
     * root's help footer gives way to our sections.
     */
    private static void prepare(CommandSpec spec, String[] version, Map<String, String> exitCodes) {
        spec.version(version);
        spec.usageMessage()
                .description(paragraphs(spec.usageMessage().description()))
                .exitCodeListHeading("Exit status")
                .exitCodeList(exitCodes)
                .footerHeading("")
                .footer();
    }

    /** The help's description lines, each its own paragraph on the page (AsciiDoc would join them). */
    private static String[] paragraphs(String[] lines) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : lines) {
            if (!paragraphs.isEmpty()) {
                paragraphs.add("");
            }
            paragraphs.add(literal(line));
        }
        return paragraphs.toArray(String[]::new);
    }

    /** picocli's help, whose option and parameter descriptions stay plain text in AsciiDoc. */
    private static Help literalHelp(CommandSpec spec, ColorScheme scheme) {
        return new Help(spec, scheme) {
            @Override
            public IOptionRenderer createDefaultOptionRenderer() {
                IOptionRenderer standard = super.createDefaultOptionRenderer();
                return (option, labels, colors) -> literalDescriptions(standard.render(option, labels, colors), colors);
            }

            @Override
            public IParameterRenderer createDefaultParameterRenderer() {
                IParameterRenderer standard = super.createDefaultParameterRenderer();
                return (parameter, labels, colors) ->
                        literalDescriptions(standard.render(parameter, labels, colors), colors);
            }
        };
    }

    /** Rows of picocli's help table; the last column holds the description. */
    private static Text[][] literalDescriptions(Text[][] rows, ColorScheme colors) {
        for (Text[] row : rows) {
            row[row.length - 1] = colors.text(literal(row[row.length - 1].toString()));
        }
        return rows;
    }

    /**
     * Help texts are plain text, and must stay so in AsciiDoc ("Bearer ***" is no bold markup):
     * a passthrough that only escapes &lt;, &gt; and &amp;.
     */
    private static String literal(String text) {
        return text.isEmpty() ? text : "pass:c[" + text.replace("]", "\\]") + "]";
    }

    /** picocli's page of one command, with our sections. */
    private static String asciiDoc(CommandSpec spec, String purpose) {
        StringWriter picocliPage = new StringWriter();
        ManPageGenerator.writeSingleManPage(new PrintWriter(picocliPage, true), spec);
        // The NAME line is the one line that AsciiDoc takes as it is, passthrough markup included.
        String nameLine = spec.qualifiedName("-") + " - ";
        StringBuilder page = new StringBuilder(
                replaceOnce(picocliPage.toString(), nameLine + literal(purpose) + "\n", nameLine + purpose + "\n"));
        if (spec.parent() == null) {
            page.append(definitions("Environment", EnvironmentAndFiles.VARIABLES))
                    .append(definitions("Files", EnvironmentAndFiles.FILES))
                    .append("The files are in *$ZILLIZ_CONFIG_DIR* instead of *~/.zilliz* when it is set.\n\n");
        }
        return page.append(examples(spec)).append(seeAlso(spec)).toString();
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0 || text.indexOf(target, at + 1) >= 0) {
            throw new IllegalStateException("picocli's page does not have the line '" + target.strip() + "' once");
        }
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }

    private static String definitions(String heading, List<EnvironmentAndFiles.Entry> entries) {
        StringBuilder section = new StringBuilder("== ").append(heading).append("\n\n");
        for (EnvironmentAndFiles.Entry entry : entries) {
            section.append('*')
                    .append(literal(entry.name()))
                    .append("*::\n  ")
                    .append(literal(entry.meaning()))
                    .append("\n\n");
        }
        return section.toString();
    }

    /** Each example: what it does, then its line as a literal block. */
    private static String examples(CommandSpec spec) {
        StringBuilder section = new StringBuilder("== Examples\n\n");
        for (Examples.Example example : Examples.of(spec)) {
            section.append(literal(example.purpose() + ":"))
                    .append("\n\n....\n")
                    .append(example.commandLine())
                    .append("\n....\n\n");
        }
        return section.toString();
    }

    /** zrefresh(1), the command's parent and its subcommands. */
    private static String seeAlso(CommandSpec spec) {
        List<String> related = new ArrayList<>();
        CommandSpec root = spec.root();
        if (spec != root) {
            related.add(reference(root));
        }
        if (spec.parent() != null && spec.parent() != root) {
            related.add(reference(spec.parent()));
        }
        spec.subcommands().values().stream()
                .map(CommandLine::getCommandSpec)
                .filter(sub -> !sub.usageMessage().hidden())
                .forEach(sub -> related.add(reference(sub)));
        return related.isEmpty() ? "" : "== See also\n\n" + String.join(", ", related) + "\n";
    }

    private static String reference(CommandSpec spec) {
        return "*" + spec.qualifiedName("-") + "*(1)";
    }

    private static Options options() {
        return Options.builder()
                .backend("manpage")
                .standalone(true)
                .safe(SafeMode.SAFE)
                .attributes(Attributes.builder()
                        .attribute("revdate", DATE)
                        .attribute("docdate", DATE)
                        .attribute("localdate", DATE)
                        .build())
                .build();
    }

    private static PrintStream nowhere() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
