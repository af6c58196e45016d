/**
 * Output guards for tests: fail a test class whose output holds a secret or a phone number.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.testkit.logs;
