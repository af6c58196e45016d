/**
 * Readers of single wire values shared by the JSON shapes ({@link io.settlekit.formats.wire.WireValues}), naming the
 * offending field.
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional. A
 * JSON null on the wire is another matter: each reader says how it reads one.
 */
package io.settlekit.formats.wire;
