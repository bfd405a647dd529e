/** Servlet (Spring MVC) side of the shared infrastructure: problem details, error page, request size limit. */
@NullMarked
package org.boxoffice.platform.web;

import org.jspecify.annotations.NullMarked;
