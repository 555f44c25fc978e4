package io.zrefresh.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseError;
import io.burt.jmespath.parser.ParseException;
import java.math.BigDecimal;

/** A compiled --query (JMESPath), applied to the value -o json would print. */
public final class Query {

    private final String source;
    private final Expression<JsonNode> expression;

    private Query(String source, Expression<JsonNode> expression) {
        this.source = source;
        this.expression = expression;
    }

    /**
     * @throws IllegalArgumentException naming the expression and the position of the error
     */
    public static Query compile(String source) {
        try {
            return new Query(source, new ExactNumbers().compile(source));
        } catch (ParseException invalid) {
            StringBuilder message = new StringBuilder("invalid --query '" + source + "'");
            for (ParseError error : invalid) {
                message.append(": ")
                        .append(error.message())
                        .append(" at position ")
                        .append(error.position());
                break;
            }
            throw new IllegalArgumentException(message.toString(), invalid);
        } catch (JmesPathException invalid) {
            throw new IllegalArgumentException("invalid --query '" + source + "': " + invalid.getMessage(), invalid);
        }
    }

    /**
     * Jackson's runtime, comparing numbers exactly. The library compares them as doubles, which
     * cannot tell job ids apart (int64 above 2^53): ==, !=, &lt;, &lt;=, &gt;, &gt;=, sort, sort_by,
     * max, min, max_by and min_by all compare through {@link #compare}.
     */
    private static final class ExactNumbers extends JacksonRuntime {
        @Override
        public int compare(JsonNode value1, JsonNode value2) {
            if (value1.isNumber() && value2.isNumber()) {
                return compareNumbers(value1, value2);
            }
            return super.compare(value1, value2);
        }

        private static int compareNumbers(JsonNode a, JsonNode b) {
            if (a.isIntegralNumber() && b.isIntegralNumber()) {
                return a.canConvertToLong() && b.canConvertToLong()
                        ? Long.compare(a.longValue(), b.longValue())
                        : a.bigIntegerValue().compareTo(b.bigIntegerValue());
            }
            if (isBinaryNotFinite(a) || isBinaryNotFinite(b)) {
                return Double.compare(a.doubleValue(), b.doubleValue());
            }
            return exact(a).compareTo(exact(b));
        }

        private static boolean isBinary(JsonNode number) {
            return number.isDouble() || number.isFloat();
        }

        private static boolean isBinaryNotFinite(JsonNode number) {
            return isBinary(number) && !Double.isFinite(number.doubleValue());
        }

        /** The number's exact value; a double's is its binary value, not its shortest decimal. */
        private static BigDecimal exact(JsonNode number) {
            return isBinary(number) ? new BigDecimal(number.doubleValue()) : number.decimalValue();
        }
    }

    /** A valid expression that cannot be evaluated on this value (e.g. a function given the wrong type). */
    public static final class EvaluationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EvaluationException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @throws EvaluationException when the expression fails on this value
     */
    public JsonNode apply(JsonNode value) {
        try {
            return expression.search(value);
        } catch (JmesPathException failed) {
            throw new EvaluationException("--query '" + source + "' failed: " + failed.getMessage(), failed);
        }
    }
}
