/**
 * What the {@code settlekit} command's commands share: the version they print. No parameter or result of
 * this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.examples.cli;
