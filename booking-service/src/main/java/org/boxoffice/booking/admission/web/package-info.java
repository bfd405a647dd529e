/** Organizers' waiting room settings over HTTP. */
@NullMarked
package org.boxoffice.booking.admission.web;

import org.jspecify.annotations.NullMarked;
