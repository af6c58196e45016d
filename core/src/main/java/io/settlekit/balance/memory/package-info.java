/** Store balance source and snapshot store in memory. */
package io.settlekit.balance.memory;
