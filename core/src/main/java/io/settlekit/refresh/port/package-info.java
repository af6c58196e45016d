/** What the refresh limit needs from outside: day-long atomic counters. */
package io.settlekit.refresh.port;
