package io.settlekit.examples.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One {@code op} of the rules runner: answers a request object with a response object. */
@FunctionalInterface
public interface RuleOp {
    /** Answers {@code request}; throws the SDK's typed errors on bad input. */
    ObjectNode answer(JsonNode request);
}
