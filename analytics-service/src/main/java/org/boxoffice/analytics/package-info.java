@NullMarked
package org.boxoffice.analytics;

import org.jspecify.annotations.NullMarked;
