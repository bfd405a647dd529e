/** Admin HTTP API of organizations and their members. */
@NullMarked
package org.boxoffice.user.organization.web;

import org.jspecify.annotations.NullMarked;
