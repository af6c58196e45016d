/**
 * The JSON wire shapes of amounts, rates, fee types and receivables, as a Jackson module ({@link
 * io.settlekit.formats.json.SettlekitJacksonModule}) and a configured mapper ({@link
 * io.settlekit.formats.json.SettlekitJson}).
 *
 * <p>No parameter or result of this package's API is null unless its Javadoc says so; absent values are Optional.
 */
package io.settlekit.formats.json;
