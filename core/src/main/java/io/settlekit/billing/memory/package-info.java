/** In-memory adapters of the settlement ports: the embedded defaults, and fixtures for tests and demos. */
package io.settlekit.billing.memory;
