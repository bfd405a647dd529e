@NullMarked
package org.boxoffice.platform.openapi;

import org.jspecify.annotations.NullMarked;
