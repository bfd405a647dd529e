-- The key to an invoice's PDF for notification-service (docs/commerce.md#invoices): random, issued with the invoice
-- and carried by its OrderConfirmed event, so the email fetches the PDF after the confirmation committed instead of the
-- event carrying it. Null on credit notes and on invoices issued before it (their events carried the PDF itself).
ALTER TABLE invoice ADD COLUMN pdf_token text
    CONSTRAINT invoice_pdf_token_length CHECK (pdf_token IS NULL OR length(pdf_token) BETWEEN 32 AND 64);
