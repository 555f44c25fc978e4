package io.zrefresh.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * A refresh job id as the user typed it. Open-source Milvus uses positive int64 ids, which are
 * sent as JSON numbers (exactly: they are above 2^53). Some Zilliz project endpoints show
 * string ids such as {@code job-abc123}; those are sent as JSON strings.
 */
public final class JobId {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern TOKEN = Pattern.compile("[^\\s-][^\\s]*");
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final Long number;
    private final String text;

    private JobId(Long number, String text) {
        this.number = number;
        this.text = text;
    }

    public static JobId of(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("a job id must be positive, got " + id);
        }
        return new JobId(id, Long.toString(id));
    }

    /** Parses a job id the way the spec allows, or throws with a sentence fit for the user. */
    public static JobId parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException("the job id is empty");
        }
        String signless = raw.startsWith("+") ? raw.substring(1) : raw;
        if (DIGITS.matcher(signless).matches()) {
            BigInteger value = new BigInteger(signless);
            if (value.signum() == 0) {
                throw new IllegalArgumentException("a job id must be positive, got " + raw);
            }
            if (value.compareTo(INT64_MAX) > 0) {
                throw new IllegalArgumentException("job id " + raw + " is larger than a 64-bit integer");
            }
            return new JobId(value.longValue(), value.toString());
        }
        if (raw.startsWith("-") && DIGITS.matcher(raw.substring(1)).matches()) {
            throw new IllegalArgumentException("a job id must be positive, got " + raw);
        }
        if (!TOKEN.matcher(raw).matches()) {
            throw new IllegalArgumentException(
                    "'" + raw + "' is not a job id (no whitespace, must not start with '-')");
        }
        return new JobId(null, raw);
    }

    /** The id as found in a server answer (a number, or a string on some project endpoints). */
    public static JobId fromJson(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() > 0) {
            return of(node.longValue());
        }
        if (node != null && node.isTextual() && !node.textValue().isEmpty()) {
            return parse(node.textValue());
        }
        throw new IllegalArgumentException("the server answered without a usable job id: " + node);
    }

    public JsonNode toJson() {
        return number != null ? LongNode.valueOf(number) : TextNode.valueOf(text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JobId id && id.text.equals(text) && (id.number == null) == (number == null);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
