package io.zrefresh.cli.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The CI system a run reports to (--ci): step summaries, outputs, annotations, log groups. */
public enum CiSystem {
    /** GitHub Actions when GITHUB_ACTIONS=true, GitLab CI when GITLAB_CI=true, else none. */
    AUTO,
    GITHUB,
    GITLAB,
    OFF;

    public static final String ENV_CI = "ZREFRESH_CI";

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException with a sentence for the user */
    public static CiSystem parse(String value) {
        for (CiSystem system : values()) {
            if (system.id().equalsIgnoreCase(value.trim())) {
                return system;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not one of "
                + Arrays.stream(values()).map(CiSystem::id).collect(Collectors.joining(", ")));
    }

    /**
     * The system of this run: the flag, else ZREFRESH_CI, else auto, which the variables the CI
     * systems set decide. Never AUTO.
     *
     * @param flag --ci, or null when not given
     * @throws IllegalArgumentException when ZREFRESH_CI holds no system's name
     */
    /**
     * As {@link #resolve}, with an invalid ZREFRESH_CI counting as none: for reporting errors,
     * which must not fail themselves (the command refuses it where it starts).
     */
    public static CiSystem resolveOrOff(CiSystem flag, Map<String, String> env) {
        try {
            return resolve(flag, env);
        } catch (IllegalArgumentException invalid) {
            return OFF;
        }
    }

    public static CiSystem resolve(CiSystem flag, Map<String, String> env) {
        CiSystem chosen = flag;
        if (chosen == null) {
            String fromEnv = env.getOrDefault(ENV_CI, "");
            try {
                chosen = fromEnv.isBlank() ? AUTO : parse(fromEnv);
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException(ENV_CI + ": " + invalid.getMessage());
            }
        }
        if (chosen != AUTO) {
            return chosen;
        }
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            return GITHUB;
        }
        return "true".equals(env.get("GITLAB_CI")) ? GITLAB : OFF;
    }
}
