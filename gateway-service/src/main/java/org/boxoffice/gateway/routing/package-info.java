/** Which downstream service serves which part of the API. */
@NullMarked
package org.boxoffice.gateway.routing;

import org.jspecify.annotations.NullMarked;
