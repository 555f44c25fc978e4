package io.zrefresh.output;

import com.fasterxml.jackson.databind.JsonNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseError;
import io.burt.jmespath.parser.ParseException;

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
            return new Query(source, new JacksonRuntime().compile(source));
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
