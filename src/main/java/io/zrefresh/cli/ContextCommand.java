package io.zrefresh.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zrefresh.config.ApiKeys;
import io.zrefresh.config.ConfigException;
import io.zrefresh.config.ContextStore;
import io.zrefresh.json.Json;
import io.zrefresh.output.Shape;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Contexts of ~/.zilliz/config and credentials, without hand-editing INI files. */
final class ContextCommand extends GroupCommand {

    static final String NAME = "context";

    private static final String NAME_KEY = "name";
    private static final String HOW_TO_GIVE_THE_KEY =
            "pipe it in, as in: printf '%s\\n' \"$KEY\" | zrefresh context set NAME --api-key-stdin";

    ContextCommand() {
        super(
                NAME,
                "Manage contexts: list, show, set, delete.",
                new ListContexts().spec,
                new Show().spec,
                new Set().spec,
                new Delete().spec);
    }

    /** A context as the files hold it, plus its name; the key masked. */
    private static ObjectNode view(ContextStore store, String name) throws ConfigException {
        ObjectNode node = Json.object().put(NAME_KEY, name);
        store.describe(name).forEach(node::put);
        return node;
    }

    static final class ListContexts extends BaseCommand {
        ListContexts() {
            super("list", "List contexts with their endpoint, database and masked API key.");
        }

        @Override
        protected int run(Session session) throws Exception {
            ContextStore store = session.contexts();
            ArrayNode contexts = Json.array();
            for (String name : store.names()) {
                contexts.add(view(store, name));
            }
            session.printer()
                    .printRecords(
                            contexts,
                            List.of(
                                    NAME_KEY,
                                    ContextStore.ENDPOINT,
                                    ContextStore.DATABASE,
                                    ContextStore.CLUSTER_ID,
                                    ContextStore.API_KEY));
            if (contexts.isEmpty()) {
                session.notice("No contexts yet; create one with: zrefresh context set default --endpoint URL"
                        + " --api-key-stdin (or set ZILLIZ_ENDPOINT and ZILLIZ_API_KEY).");
            }
            return ExitCode.OK;
        }
    }

    static final class Show extends BaseCommand {
        String name;

        Show() {
            super(
                    "show",
                    "Show one context (default: the one in use). The API key shows as **** and its last 4 characters.");
            spec.addPositional(Specs.positional(value -> name = value)
                    .arity("0..1")
                    .paramLabel("NAME")
                    .completionCandidates(new Candidates.ContextNames())
                    .description("Context name (default: --context, ZILLIZ_CONTEXT, default).")
                    .build());
        }

        @Override
        protected int run(Session session) throws Exception {
            String context = name != null ? name : session.resolver().context(root().context);
            ContextStore store = session.contexts();
            if (!store.exists(context)) {
                throw new ConfigException("Context \"" + context + "\" is not defined in " + store.configPath());
            }
            session.printer().print(view(store, context), Shape.GENERIC);
            return ExitCode.OK;
        }
    }

    static final class Set extends BaseCommand {
        String name;
        String database;
        String clusterId;
        boolean apiKeyStdin;

        Set() {
            super(
                    "set",
                    "Create or update a context. Only the given keys change; comments, other keys and sections stay as "
                            + "they are.",
                    "The endpoint is the global --endpoint option; the key is read from stdin with --api-key-stdin and "
                            + "stored in credentials (mode 0600).");
            spec.addPositional(Specs.positional(value -> name = value)
                    .paramLabel("NAME")
                    .completionCandidates(new Candidates.ContextNames())
                    .description("Context name.")
                    .build());
            spec.addOption(Specs.option(String.class, value -> database = value, "--database")
                    .paramLabel("DB")
                    .description("Database of the context.")
                    .build());
            spec.addOption(Specs.option(String.class, value -> clusterId = value, "--cluster-id")
                    .paramLabel("ID")
                    .description("Cluster id (informational).")
                    .build());
            spec.addOption(Specs.flag(value -> apiKeyStdin = value, "--api-key-stdin")
                    .description("Read the API key from stdin (its first line; on a terminal, typed without echo).")
                    .build());
        }

        @Override
        protected int run(Session session) throws Exception {
            if (name.isBlank() || name.contains("]") || name.contains("[")) {
                throw new UsageException("'" + name + "' is not a context name");
            }
            String apiKey = apiKeyStdin ? readKey(session) : null;
            Map<String, String> values = new LinkedHashMap<>();
            values.put(
                    ContextStore.ENDPOINT,
                    root().endpoint == null ? null : root().endpoint.toString());
            values.put(ContextStore.DATABASE, database);
            values.put(ContextStore.CLUSTER_ID, clusterId);
            session.contexts().set(name, values, apiKey);
            session.notice("Context \"" + name + "\" saved in "
                    + session.contexts().configPath()
                    + (apiKey != null
                            ? " (API key in " + session.contexts().directory().credentialsFile() + ")"
                            : "") + ".");
            return ExitCode.OK;
        }

        /**
         * The key: typed on a terminal without echo, else the first line of stdin (in the shell: the
         * line after this command). Checked before anything is written; never shown.
         */
        private static String readKey(Session session) throws UsageException, InterruptedException {
            String line;
            try {
                line = session.world().readSecret("API key: ");
            } catch (IOException unreadable) {
                boolean closed = unreadable.getMessage().equals(StandardInput.Closed.MESSAGE);
                throw new UsageException(
                        "--api-key-stdin: " + unreadable.getMessage() + (closed ? "; " + HOW_TO_GIVE_THE_KEY : ""));
            }
            if (line == null || line.isBlank()) {
                throw new UsageException("--api-key-stdin: stdin held no API key; " + HOW_TO_GIVE_THE_KEY);
            }
            String key = line.strip();
            session.secret(key);
            Optional<String> problem = ApiKeys.problem(key);
            if (problem.isPresent()) {
                throw new UsageException(
                        "--api-key-stdin: the key " + problem.get() + " (the key is not shown); nothing was saved");
            }
            return key;
        }
    }

    static final class Delete extends BaseCommand {
        String name;

        Delete() {
            super("delete", "Delete a context from config and credentials.");
            spec.addPositional(Specs.positional(value -> name = value)
                    .paramLabel("NAME")
                    .completionCandidates(new Candidates.ContextNames())
                    .description("Context name.")
                    .build());
        }

        @Override
        protected int run(Session session) throws Exception {
            ContextStore store = session.contexts();
            if (!store.delete(name)) {
                throw new ConfigException("Context \"" + name + "\" is not defined in " + store.configPath());
            }
            session.notice("Context \"" + name + "\" deleted.");
            return ExitCode.OK;
        }
    }
}
