@NullMarked
package org.boxoffice.user;

import org.jspecify.annotations.NullMarked;
