/**
 * The architecture rules every module checks with ArchUnit, and the dump of a module's public API.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.testkit.arch;
