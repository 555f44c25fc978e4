package io.zrefresh.cli;

import io.zrefresh.cli.report.CiSystem;
import io.zrefresh.config.Endpoints;
import io.zrefresh.job.JobId;
import io.zrefresh.output.OutputFormat;
import io.zrefresh.refresh.OnActive;
import io.zrefresh.refresh.WaitPolicy;
import io.zrefresh.time.Durations;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values: parsed at parse time, so a bad one is a usage error before anything is sent. */
final class Converters {

    private Converters() {}

    /** A parser whose IllegalArgumentException becomes picocli's "Invalid value for option" error. */
    private abstract static class Checked<T> implements ITypeConverter<T> {
        @Override
        public final T convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException invalid) {
                throw new TypeConversionException(invalid.getMessage());
            }
        }

        abstract T parse(String value);
    }

    /** Every duration zrefresh takes is a span of time to wait: longer than zero. */
    static final class DurationConverter extends Checked<Duration> {
        @Override
        Duration parse(String value) {
            Duration duration = Durations.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("must be longer than 0, got '" + value + "'");
            }
            return duration;
        }
    }

    /** --poll-interval: not below the minimum, which keeps polling far below the server's rate limit. */
    static final class PollIntervalConverter extends Checked<Duration> {
        @Override
        Duration parse(String value) {
            Duration interval = Durations.parse(value);
            if (interval.compareTo(WaitPolicy.MIN_POLL_INTERVAL) < 0) {
                throw new IllegalArgumentException("must be at least " + Durations.brief(WaitPolicy.MIN_POLL_INTERVAL)
                        + ", got " + Durations.brief(interval));
            }
            return interval;
        }
    }

    static final class JobIdConverter extends Checked<JobId> {
        @Override
        JobId parse(String value) {
            return JobId.parse(value);
        }
    }

    static final class EndpointConverter extends Checked<URI> {
        @Override
        URI parse(String value) {
            return Endpoints.parse(value);
        }
    }

    static final class FormatConverter extends Checked<OutputFormat> {
        @Override
        OutputFormat parse(String value) {
            return OutputFormat.parse(value);
        }
    }

    /** A file name (typed Path, so that completion scripts complete file names). */
    static final class PathConverter extends Checked<Path> {
        @Override
        Path parse(String value) {
            try {
                return Path.of(value);
            } catch (InvalidPathException invalid) {
                throw new IllegalArgumentException("'" + value + "' is not a file name (" + invalid.getReason() + ")");
            }
        }
    }

    static final class CiConverter extends Checked<CiSystem> {
        @Override
        CiSystem parse(String value) {
            return CiSystem.parse(value);
        }
    }

    static final class OnActiveConverter implements ITypeConverter<OnActive> {
        @Override
        public OnActive convert(String value) {
            for (OnActive choice : OnActive.values()) {
                if (choice.id().equalsIgnoreCase(value)) {
                    return choice;
                }
            }
            throw new TypeConversionException("'" + value + "' is not one of fail, wait, skip");
        }
    }
}
