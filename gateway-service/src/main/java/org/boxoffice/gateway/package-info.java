@NullMarked
package org.boxoffice.gateway;

import org.jspecify.annotations.NullMarked;
