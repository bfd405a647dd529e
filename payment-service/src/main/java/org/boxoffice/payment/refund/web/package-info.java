/** Admin refund API. */
@NullMarked
package org.boxoffice.payment.refund.web;

import org.jspecify.annotations.NullMarked;
