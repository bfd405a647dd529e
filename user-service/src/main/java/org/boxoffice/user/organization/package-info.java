/** Organizations and the organizers who act for them. */
@NullMarked
package org.boxoffice.user.organization;

import org.jspecify.annotations.NullMarked;
