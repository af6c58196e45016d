/**
 * CSV reading shared by the settlement file parsers (FastCSV underneath), with the SDK's typed errors.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.files.csv;
