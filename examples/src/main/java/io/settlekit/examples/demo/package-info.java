/** The {@code demo} command: the SDK end to end on in-memory adapters. */
package io.settlekit.examples.demo;
