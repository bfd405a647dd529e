/** Configuration of user-service: its settings, the first admin and the local-run demo data. */
@NullMarked
package org.boxoffice.user.system;

import org.jspecify.annotations.NullMarked;
