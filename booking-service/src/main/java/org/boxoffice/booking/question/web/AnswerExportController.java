package org.boxoffice.booking.question.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.question.AnswerSheet;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.web.Csv;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The attendees of an event with their answers, as CSV or XLSX: one row per ticket of a confirmed order, one column
 * per question (docs/commerce.md).
 */
@Tag(name = "Attendee questions")
@RestController
@RequestMapping("/api/v1/admin/events/{eventId}/questions")
class AnswerExportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AnswerSheet sheets;

    AnswerExportController(AnswerSheet sheets) {
        this.sheets = sheets;
    }

    // No "produces": a 404 from here must still render as a problem, not fail content negotiation.
    @GetMapping("/answers.csv")
    @Operation(operationId = "exportAnswersCsv", summary = "An event's attendees and their answers, as CSV")
    @ApiResponse(responseCode = "200", description = "The CSV file (RFC 4180, UTF-8)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "`event-not-found`.")
    ResponseEntity<String> csv(CurrentUser user, @PathVariable UUID eventId) {
        AnswerSheet.Sheet sheet = sheets.of(user::canManage, eventId);
        Csv csv = new Csv().row(sheet.header());
        sheet.rows().forEach(csv::row);
        return file(TEXT_CSV, "event-" + eventId + "-answers.csv", csv.toString());
    }

    @GetMapping("/answers.xlsx")
    @Operation(operationId = "exportAnswersXlsx", summary = "An event's attendees and their answers, as XLSX")
    @ApiResponse(responseCode = "200", description = "The spreadsheet, one sheet",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "`event-not-found`.")
    ResponseEntity<byte[]> xlsx(CurrentUser user, @PathVariable UUID eventId) {
        AnswerSheet.Sheet sheet = sheets.of(user::canManage, eventId);
        return file(XLSX, "event-" + eventId + "-answers.xlsx", spreadsheet(sheet));
    }

    /** Every cell a text cell: nothing an organizer or buyer typed is ever read as a formula. */
    static byte[] spreadsheet(AnswerSheet.Sheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Boxoffice", "1.0");
            Worksheet answers = workbook.newWorksheet("Answers");
            write(answers, 0, sheet.header());
            answers.range(0, 0, 0, sheet.header().size() - 1).style().bold().set();
            for (int r = 0; r < sheet.rows().size(); r++) {
                write(answers, r + 1, sheet.rows().get(r));
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the answers spreadsheet", e);
        }
        return out.toByteArray();
    }

    private static void write(Worksheet worksheet, int row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            worksheet.value(row, c, cells.get(c));
        }
    }

    private static <T> ResponseEntity<T> file(MediaType type, String filename, T body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }
}
