package org.boxoffice.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test that sends requests the API document forbids on purpose (the input fuzz): what {@link ApiTraffic}
 * finds in its traffic is still recorded in {@code target/openapi-violations.txt}, but does not fail it. The service's
 * answers to such input are that test's own business (a 4xx problem, nothing changed); a service that is lenient
 * where its document is strict (a number accepted for a string) shows in the record.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MalformedTrafficOnPurpose {
}
