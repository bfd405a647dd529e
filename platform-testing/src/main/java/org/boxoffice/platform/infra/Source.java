package org.boxoffice.platform.infra;

/** Where a data store came from, in the order they are tried. */
public enum Source {
    /** A container started through Testcontainers (tests, when Docker answers). */
    TESTCONTAINERS,
    /** A server named by environment variables. */
    ENVIRONMENT,
    /** The machine's own server on its standard port. */
    LOCAL,
    /** A server started by this JVM from a binary shipped in a Maven artifact. */
    EMBEDDED
}
