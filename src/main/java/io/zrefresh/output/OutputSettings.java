package io.zrefresh.output;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.IntSupplier;

/**
 * How one command prints.
 *
 * @param query         the compiled --query, or null
 * @param terminalWidth the width of the terminal stdout is on, or 0 when stdout is not a terminal;
 *                      asked only when a table is printed, since finding it may cost a process
 */
public record OutputSettings(
        OutputFormat format,
        Query query,
        boolean header,
        Ansi ansi,
        IntSupplier terminalWidth,
        ZoneId zone,
        Clock clock) {}
