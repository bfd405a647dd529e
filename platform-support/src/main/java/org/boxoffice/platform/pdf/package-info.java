/**
 * The PDFBox and ZXing plumbing that booking's and notification's documents share: text the standard fonts can print,
 * a line of it on a page, a QR code as an image. Layouts (what a ticket or an invoice says, and where) stay in the
 * service that owns the document.
 */
@NullMarked
package org.boxoffice.platform.pdf;

import org.jspecify.annotations.NullMarked;
