@NullMarked
package org.boxoffice.platform.data;

import org.jspecify.annotations.NullMarked;
