package io.zrefresh.cli;

import io.zrefresh.config.Endpoints;
import io.zrefresh.job.JobId;
import io.zrefresh.output.OutputFormat;
import io.zrefresh.refresh.OnActive;
import io.zrefresh.time.Durations;
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

    static final class DurationConverter extends Checked<Duration> {
        @Override
        Duration parse(String value) {
            return Durations.parse(value);
        }
    }

    static final class JobIdConverter extends Checked<JobId> {
        @Override
        JobId parse(String value) {
            return JobId.parse(value);
        }
    }

    static final class EndpointConverter extends Checked<String> {
        @Override
        String parse(String value) {
            return Endpoints.parse(value).toString();
        }
    }

    static final class FormatConverter extends Checked<OutputFormat> {
        @Override
        OutputFormat parse(String value) {
            return OutputFormat.parse(value);
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
