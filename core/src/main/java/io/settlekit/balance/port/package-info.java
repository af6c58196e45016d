/** What store balance snapshots need from outside: the source groups and the snapshot store. */
package io.settlekit.balance.port;
