/** Buyer payment API and the provider webhook endpoint. */
@NullMarked
package org.boxoffice.payment.payment.web;

import org.jspecify.annotations.NullMarked;
