/** Token signing keys: the key ring, its rotation and the JWKS. */
@NullMarked
package org.boxoffice.user.key;

import org.jspecify.annotations.NullMarked;
