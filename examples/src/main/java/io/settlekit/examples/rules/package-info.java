/** The {@code rules} command: JSON-lines requests answered by the SDK's rules. */
package io.settlekit.examples.rules;
