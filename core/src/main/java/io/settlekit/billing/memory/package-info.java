/**
 * In-memory adapters of the settlement ports: the embedded defaults, and fixtures for tests and demos.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.billing.memory;
