package org.boxoffice.analytics.report.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.analytics.report.CodeSales;
import org.boxoffice.analytics.report.CodeSalesReports;
import org.boxoffice.analytics.report.EventSalesReport;
import org.boxoffice.analytics.report.EventSalesReport.SectionTierSales;
import org.boxoffice.analytics.report.Granularity;
import org.boxoffice.analytics.report.PlatformSummary;
import org.boxoffice.analytics.report.SalesReports;
import org.boxoffice.analytics.report.TimeSeries;
import org.boxoffice.platform.openapi.ApiRoles;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.boxoffice.platform.web.Csv;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Sales numbers for organizers (their organizations' events; another organization's event answers 404) and the
 * platform-wide summary for admins. Buyers never get here: {@code /api/v1/admin/**} needs ORGANIZER or ADMIN.
 */
@Tag(name = "Analytics", description = "Sales numbers for organizers and admins")
@RestController
@RequestMapping("/api/v1/admin/analytics")
class AnalyticsController {

    private static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final SalesReports reports;
    private final CodeSalesReports codeReports;

    AnalyticsController(SalesReports reports, CodeSalesReports codeReports) {
        this.reports = reports;
        this.codeReports = codeReports;
    }

    @GetMapping("/events/{eventId}")
    @Operation(operationId = "getEventSales", summary = "Sales of an event: tickets, revenue, funnel, per section and tier")
    EventSalesReport event(CurrentUser user, @PathVariable UUID eventId) {
        return reports.event(eventId, user::canManage);
    }

    /** {@code from}/{@code to} are ISO-8601 instants, [from, to); both default to the event's activity. */
    @GetMapping("/events/{eventId}/timeseries")
    @Operation(operationId = "getEventSalesTimeSeries", summary = "Sales of an event over time",
            description = "`from`/`to` are ISO-8601 instants, [from, to); both default to the event's activity. "
                    + "A range out of order is `invalid-time-range`, one with too many "
                + "points `time-range-too-large` (400).")
    TimeSeries timeSeries(CurrentUser user, @PathVariable UUID eventId,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @Parameter(schema = @Schema(allowableValues = { "minute", "hour", "day" }, defaultValue = "minute"))
            @RequestParam(defaultValue = "minute") String granularity) {
        return reports.timeSeries(eventId, user::canManage, from, to, Granularity.parse(granularity));
    }

    // No "produces": a 404 from here must still render as a problem, not fail content negotiation on text/csv.
    @GetMapping("/events/{eventId}/export.csv")
    @Operation(operationId = "exportEventSales", summary = "Sales of an event per section and tier, as CSV",
            description = "Columns: event_id, section_id, section_name, tier_name, currency, tickets_sold, "
                    + "revenue_minor (face value), discount_minor, fee_minor (service fees), tax_minor, paid_minor.")
    @ApiResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<String> export(CurrentUser user, @PathVariable UUID eventId) {
        List<SectionTierSales> rows = reports.sectionTierSales(eventId, user::canManage);
        Csv csv = new Csv().row(List.of("event_id", "section_id", "section_name", "tier_name", "currency",
                "tickets_sold", "revenue_minor", "discount_minor", "fee_minor", "tax_minor", "paid_minor"));
        for (SectionTierSales row : rows) {
            csv.row(List.of(eventId, row.sectionId(), row.sectionName(), row.tierName(), row.currency(),
                    row.ticketsSold(), row.revenueMinor(), row.discountMinor(), row.feeMinor(), row.taxMinor(),
                    row.paidMinor()));
        }
        return csv(eventId, "sales", csv);
    }

    @GetMapping("/events/{eventId}/codes")
    @Operation(operationId = "getEventCodeSales", summary = "Sales of an event per promo code",
            description = "One entry per code and currency: checkouts, confirmed orders, tickets and the discount "
                    + "granted (cancelled orders taken back), and the money captured, refunded and kept.")
    CodeSales codes(CurrentUser user, @PathVariable UUID eventId) {
        return codeReports.codeSales(eventId, user::canManage);
    }

    @GetMapping("/events/{eventId}/codes/export.csv")
    @Operation(operationId = "exportEventCodeSales", summary = "Sales of an event per promo code, as CSV",
            description = "Columns: event_id, code_id, code, currency, checkouts, orders, tickets_sold, "
                    + "discount_minor, gross_minor, refunded_minor, net_minor, cancellations.")
    @ApiResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<String> exportCodes(CurrentUser user, @PathVariable UUID eventId) {
        CodeSales sales = codeReports.codeSales(eventId, user::canManage);
        Csv csv = new Csv().row(List.of("event_id", "code_id", "code", "currency", "checkouts", "orders",
                "tickets_sold", "discount_minor", "gross_minor", "refunded_minor", "net_minor", "cancellations"));
        for (CodeSales.Code code : sales.codes()) {
            csv.row(List.of(eventId, code.codeId() == null ? "" : code.codeId(), code.code(), code.currency(),
                    code.checkouts(), code.orders(), code.ticketsSold(), code.discountMinor(), code.grossMinor(),
                    code.refundedMinor(), code.netMinor(), code.cancellations()));
        }
        return csv(eventId, "codes", csv);
    }

    @GetMapping("/summary")
    @Operation(operationId = "getPlatformSummary", summary = "Sales across the platform")
    @ApiRoles(Role.ADMIN)
    PlatformSummary summary(CurrentUser user) {
        user.requireAdmin("see the platform-wide summary");
        return reports.platform();
    }

    private static ResponseEntity<String> csv(UUID eventId, String name, Csv csv) {
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("event-" + eventId + "-" + name + ".csv").build().toString())
                .body(csv.toString());
    }
}
