/** The admin API of feature flags. */
@NullMarked
package org.boxoffice.user.flag.web;

import org.jspecify.annotations.NullMarked;
