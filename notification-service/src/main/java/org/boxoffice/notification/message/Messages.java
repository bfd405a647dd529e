package org.boxoffice.notification.message;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.notification.account.RegistrationAttempted;
import org.boxoffice.notification.sale.BookingInvoices;
import org.boxoffice.notification.sale.SaleEvents.EventCancelled;
import org.boxoffice.notification.sale.SaleEvents.OrderCancelled;
import org.boxoffice.notification.sale.SaleEvents.OrderConfirmed;
import org.boxoffice.notification.sale.SaleEvents.OrderExpired;
import org.boxoffice.notification.sale.SaleEvents.PaymentFailed;
import org.boxoffice.notification.sale.SaleEvents.WaitingListOffered;
import org.boxoffice.notification.sale.SaleEvents.TicketTransferred;
import org.boxoffice.platform.security.VerificationCodes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a delivery's payload into the message for its locale: subject and short text from
 * {@code mail/messages_<locale>.properties}, HTML and text bodies from {@code templates/mail/message.{html,txt}}
 * (Thymeleaf), and for {@link MessageKind#TICKETS} the tickets PDF. A {@link MessageKind#RECEIPT} has the order and
 * its total but no ticket codes: it goes to addresses not verified yet. The email of either carries the order's invoice
 * PDF, fetched from booking-service: {@link AttachmentUnavailable} while it cannot be had.
 */
@Component
public class Messages {

    private final MessageSource wording;
    private final JsonMapper json;
    private final VerificationCodes codes;
    private final SpringTemplateEngine templates;
    private final TicketMessages tickets;

    Messages(MessageSource wording, JsonMapper json, VerificationCodes codes, BookingInvoices invoices) {
        this.wording = wording;
        this.json = json;
        this.codes = codes;
        this.tickets = new TicketMessages(wording, invoices);
        this.templates = new SpringTemplateEngine();
        templates.setTemplateEngineMessageSource(wording);
        templates.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        templates.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setResolvablePatterns(java.util.Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /**
     * @param email whether the message goes by email: only then are the bodies and attachments rendered
     */
    public RenderedMessage render(MessageKind kind, String payload, Locale locale, boolean email) {
        MessageContent content = content(kind, payload, locale, email);
        String key = kind.template();
        String subject = wording.getMessage("subject." + key, content.args(), locale);
        String shortText = wording.getMessage("short." + key, content.args(), locale);
        if (!email) {
            return new RenderedMessage(subject, "", "", shortText, List.of());
        }
        Map<String, Object> variables = new HashMap<>(content.variables());
        variables.put("subject", subject);
        variables.put("lang", locale.toLanguageTag());
        variables.put("body", wording.getMessage("body." + key, content.args(), locale));
        variables.putIfAbsent("tickets", null);
        variables.putIfAbsent("announcement", null);
        Context context = new Context(locale, variables);
        return new RenderedMessage(subject, templates.process("message.html", context),
                templates.process("message.txt", context), shortText, content.attachments());
    }

    private MessageContent content(MessageKind kind, String payload, Locale locale, boolean email) {
        return switch (kind) {
            case TICKETS -> tickets.tickets(json.readValue(payload, OrderConfirmed.class), locale, email);
            case RECEIPT -> tickets.receipt(json.readValue(payload, OrderConfirmed.class), locale, email);
            case TICKET_TRANSFERRED -> tickets.transferred(json.readValue(payload, TicketTransferred.class), locale);
            case EMAIL_CODE, PHONE_CODE -> {
                VerificationCode code = json.readValue(payload, VerificationCode.class);
                yield new MessageContent(new Object[] { codes.code(code.verificationId(), code.address()), code.minutes() },
                        Map.of(), List.of());
            }
            case ORDER_EXPIRED -> {
                OrderExpired expired = json.readValue(payload, OrderExpired.class);
                yield new MessageContent(new Object[] { expired.eventTitle(), reference(expired.orderId()) }, Map.of(), List.of());
            }
            case ORDER_CANCELLED -> {
                OrderCancelled cancelled = json.readValue(payload, OrderCancelled.class);
                String reason = wording.getMessage("reason." + cancelled.reason(), null, cancelled.reason(), locale);
                yield new MessageContent(new Object[] { cancelled.eventTitle(),
                        money(cancelled.refundMinor(), cancelled.currency(), locale), reference(cancelled.orderId()),
                        reason }, Map.of(), List.of());
            }
            case WAITING_LIST_OFFER -> {
                WaitingListOffered offered = json.readValue(payload, WaitingListOffered.class);
                yield new MessageContent(new Object[] { offered.eventTitle(), offered.quantity(),
                        when(offered.expiresAt(), ZoneOffset.UTC, locale) }, Map.of(), List.of());
            }
            case PAYMENT_FAILED -> {
                PaymentFailed failed = json.readValue(payload, PaymentFailed.class);
                String next = wording.getMessage(failed.mayPayAgain() ? "payment-failed.retry" : "payment-failed.ended",
                        null, locale);
                yield new MessageContent(new Object[] { reference(failed.orderId()), failed.reason(), next }, Map.of(),
                        List.of());
            }
            case EVENT_CANCELLED -> {
                EventCancelled cancelled = json.readValue(payload, EventCancelled.class);
                yield new MessageContent(new Object[] { cancelled.title(), when(cancelled.startsAt(), ZoneOffset.UTC, locale) },
                        Map.of(), List.of());
            }
            case REGISTRATION_ATTEMPTED -> {
                RegistrationAttempted attempt = json.readValue(payload, RegistrationAttempted.class);
                yield new MessageContent(new Object[] { when(attempt.attemptedAt(), ZoneOffset.UTC, locale) }, Map.of(),
                        List.of());
            }
            case ANNOUNCEMENT -> {
                AnnouncementMessage announcement = json.readValue(payload, AnnouncementMessage.class);
                yield new MessageContent(new Object[] { announcement.eventTitle(), announcement.subject(), announcement.body() },
                        Map.of("announcement", announcement.body()), List.of());
            }
        };
    }

    /** The short order reference buyers see in every message about it. */
    static String reference(UUID orderId) {
        return orderId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** Integer minor units shown in the buyer's locale: 4550 EUR is "€45.50" in English, "45,50 €" in German. */
    static String money(long minor, String currencyCode, Locale locale) {
        Currency currency = Currency.getInstance(currencyCode);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }

    static String when(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(instant) + " (" + zone.getId() + ")";
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
