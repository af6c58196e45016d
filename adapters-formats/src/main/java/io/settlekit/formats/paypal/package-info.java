/** PayPal Settlement Report (STL) parsing. */
package io.settlekit.formats.paypal;
