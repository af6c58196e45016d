package io.settlekit.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface of the core as a port: what the core needs from the outside world (a store, a
 * notifier, a lock), implemented by an in-memory adapter in the core and by the adapter modules, and
 * proven by a contract test in {@code settlekit-testkit}. A port lives in the package of the context
 * that uses it, beside the domain types it speaks in; the architecture rules find ports by this mark.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Port {
}
