package org.boxoffice.booking.waitlist.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.boxoffice.booking.waitlist.Entry;
import org.boxoffice.booking.waitlist.EntryStatus;
import org.boxoffice.booking.waitlist.OfferStatus;
import org.boxoffice.booking.waitlist.WaitingListExamples;
import org.boxoffice.booking.waitlist.WaitingListService;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A buyer's waiting-list places at the edge: the join request's fields, the list's refusals, another's place. */
@WebSliceTest(WaitingListController.class)
class WaitingListControllerWebTest {

    private static final String LISTS = "/api/v1/waiting-lists";
    private static final UUID EVENT = UUID.randomUUID();
    private static final UUID SECTION = UUID.randomUUID();

    @Autowired
    private MockMvc http;

    @MockitoBean
    private WaitingListService lists;

    private static String join(int quantity) {
        return "{\"eventId\": \"" + EVENT + "\", \"sectionId\": \"" + SECTION + "\", \"quantity\": " + quantity + "}";
    }

    @Test
    void refusesAJoinWithoutEventOrSectionOrQuantityNamingEachField() throws Exception {
        http.perform(post(LISTS).header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(fieldsRefused("eventId", "sectionId", "quantity"));

        verifyNoInteractions(lists);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 101 })
    void refusesAQuantityOutsideOneToAHundred(int quantity) throws Exception {
        http.perform(post(LISTS).header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content(join(quantity)))
                .andExpect(fieldsRefused("quantity"));

        verifyNoInteractions(lists);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of((Supplier<RuntimeException>) () -> WaitingListExamples.closed(EVENT), 409,
                        "waiting-list-closed"),
                Arguments.of((Supplier<RuntimeException>) () -> WaitingListExamples.ticketsAvailable(SECTION, 5, 2),
                        409, "tickets-available"),
                Arguments.of((Supplier<RuntimeException>) () -> WaitingListExamples.alreadyWaiting(EVENT, SECTION),
                        409, "already-waiting"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void answersTheListsRefusalsAsTheirProblems(Supplier<RuntimeException> refusal, int status, String type)
            throws Exception {
        when(lists.join(any(), anyString(), eq(EVENT), eq(SECTION), eq(2))).thenThrow(refusal.get());

        http.perform(post(LISTS).header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content(join(2)))
                .andExpect(problem(status, type));
    }

    @Test
    void answersTicketsAvailableWithHowManyAreLeft() throws Exception {
        when(lists.join(any(), anyString(), eq(EVENT), eq(SECTION), eq(2)))
                .thenThrow(WaitingListExamples.ticketsAvailable(SECTION, 5, 2));

        http.perform(post(LISTS).header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content(join(2)))
                .andExpect(jsonPath("$.available").value(5));
    }

    @Test
    void joinsAsTheCallerAndAnswersThePlaceWithItsAddress() throws Exception {
        UUID buyer = UUID.randomUUID();
        Entry waiting = new Entry(UUID.randomUUID(), EVENT, SECTION, buyer, 2, EntryStatus.WAITING, 3L,
                Instant.parse("2027-01-10T10:00:00Z"), null);
        when(lists.join(eq(buyer), anyString(), eq(EVENT), eq(SECTION), eq(2))).thenReturn(waiting);

        http.perform(post(LISTS).header("Authorization", "Bearer " + TestTokens.buyer(buyer))
                        .contentType(MediaType.APPLICATION_JSON).content(join(2)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", LISTS + "/" + waiting.id()))
                .andExpect(jsonPath("$.status").value("WAITING"))
                .andExpect(jsonPath("$.position").value(3))
                .andExpect(jsonPath("$.offer").doesNotExist());
    }

    @Test
    void answersAnOpenOfferWithTheSecondsLeftToClaimIt() throws Exception {
        UUID buyer = UUID.randomUUID();
        Instant expires = Instant.now().plusSeconds(600);
        Entry offered = new Entry(UUID.randomUUID(), EVENT, SECTION, buyer, 1, EntryStatus.OFFERED, null,
                Instant.now().minusSeconds(3600), new Entry.Offer(UUID.randomUUID(), OfferStatus.OPEN,
                        List.of(UUID.randomUUID()), 1, Instant.now(), expires, null));
        when(lists.get(buyer, offered.id())).thenReturn(offered);

        http.perform(get(LISTS + "/" + offered.id()).header("Authorization", "Bearer " + TestTokens.buyer(buyer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.offer.status").value("OPEN"))
                .andExpect(jsonPath("$.offer.remainingSeconds").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.greaterThan(500), org.hamcrest.Matchers.lessThanOrEqualTo(600))));
    }

    /** The service looks places up as the caller's: another buyer's place is not found. */
    @Test
    void answersAnotherBuyersPlaceAsNotFoundAskingAsTheCaller() throws Exception {
        UUID buyer = UUID.randomUUID();
        UUID entryId = UUID.randomUUID();
        when(lists.leave(any(), eq(entryId))).thenThrow(WaitingListExamples.entryNotFound(entryId));

        http.perform(delete(LISTS + "/" + entryId).header("Authorization", "Bearer " + TestTokens.buyer(buyer)))
                .andExpect(problem(404, "waiting-list-entry-not-found"));

        verify(lists).leave(buyer, entryId);
    }

    @Test
    void answersClaimingAnOfferThatIsNotOpenWithItsStatus() throws Exception {
        UUID entryId = UUID.randomUUID();
        when(lists.claim(any(), anyString(), eq(entryId)))
                .thenThrow(WaitingListExamples.offerNotOpen(entryId, OfferStatus.EXPIRED));

        http.perform(post(LISTS + "/" + entryId + "/claim").header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(problem(409, "offer-not-open"))
                .andExpect(jsonPath("$.offerStatus").value("EXPIRED"));
    }

    @Test
    void refusesAnEventFilterThatIsNotAUuidNamingTheParameter() throws Exception {
        http.perform(get(LISTS).param("eventId", "gala").header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(parameterRefused("eventId"));

        verifyNoInteractions(lists);
    }

    @Test
    void refusesAnonymousCallers() throws Exception {
        http.perform(get(LISTS)).andExpect(problem(401, "unauthenticated"));

        verifyNoInteractions(lists);
    }

    @Test
    void answersTheCallersPlacesOnly() throws Exception {
        UUID buyer = UUID.randomUUID();
        when(lists.mine(buyer, null)).thenReturn(List.of());

        http.perform(get(LISTS).header("Authorization", "Bearer " + TestTokens.buyer(buyer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());

        verify(lists).mine(buyer, null);
    }
}
