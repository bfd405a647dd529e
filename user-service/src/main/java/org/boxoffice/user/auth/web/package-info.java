/** HTTP API of authentication: login, refresh, logout. */
@NullMarked
package org.boxoffice.user.auth.web;

import org.jspecify.annotations.NullMarked;
