/** MySQL adapters of the money context: the fee type catalog and the stations' rate history. */
package io.settlekit.mysql.money;
