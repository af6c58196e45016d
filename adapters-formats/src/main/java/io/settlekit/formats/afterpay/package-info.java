/** Afterpay / Clearpay settlement CSV parsing (Business Hub export layout, Partner API layout). */
package io.settlekit.formats.afterpay;
