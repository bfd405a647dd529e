/**
 * The platform's feature flags, administered: admins change a flag's setting at runtime (audited: who, when, before
 * and after); the change is stored here, in PostgreSQL, and published to Redis, from where every replica of every
 * service reads it within a second (platform-support's {@code org.boxoffice.platform.flags}). docs/feature-flags.md.
 */
@NullMarked
package org.boxoffice.user.flag;

import org.jspecify.annotations.NullMarked;
