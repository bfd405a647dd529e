/**
 * Recording the sale: this service's own copies of the booking and payment events it reads, and the handlers that
 * turn each into a fact row of the read model, exactly once (inside the event bus's inbox transaction).
 */
@NullMarked
package org.boxoffice.analytics.sale;

import org.jspecify.annotations.NullMarked;
