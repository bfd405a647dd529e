@NullMarked
package org.boxoffice.platform.defaults;

import org.jspecify.annotations.NullMarked;
