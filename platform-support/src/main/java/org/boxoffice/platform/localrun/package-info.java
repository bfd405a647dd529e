@NullMarked
package org.boxoffice.platform.localrun;

import org.jspecify.annotations.NullMarked;
