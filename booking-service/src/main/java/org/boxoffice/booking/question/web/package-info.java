/** HTTP API of attendee questions: the organizer's questions and the export of the answers. */
@NullMarked
package org.boxoffice.booking.question.web;

import org.jspecify.annotations.NullMarked;
