@NullMarked
package org.boxoffice.platform.problem;

import org.jspecify.annotations.NullMarked;
