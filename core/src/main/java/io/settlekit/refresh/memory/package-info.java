/** The embedded day counters: lazy expiry in one JVM. */
package io.settlekit.refresh.memory;
