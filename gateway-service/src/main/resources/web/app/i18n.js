// Two locales, chosen by the browser's language: English and German. Problems are shown by their stable `type`
// (translated here) with the server's `detail` and field errors underneath.
const en = {
  events: 'Events', search: 'Search', searchPlaceholder: 'Artist, title…', city: 'City', noEvents: 'No events found.',
  orders: 'My orders', account: 'Account', login: 'Log in', logout: 'Log out', register: 'Create account',
  organizer: 'Organizer', email: 'Email', password: 'Password', displayName: 'Name (optional)',
  passwordHint: 'At least 12 characters.', loggedInAs: 'Logged in as {email}', needLogin: 'Please log in to continue.',
  emailVerification: 'Email address', emailNotVerified: 'Your email address is not verified yet: until it is, only purchase receipts are sent to it.',
  emailVerified: 'Email address verified', sendCode: 'Send me a code', verificationCode: 'Six-digit code', confirmEmail: 'Verify',
  codeSent: 'A code was sent to {email}.',
  noAccount: 'No account yet?', haveAccount: 'Already registered?',
  startsAt: 'Starts', venue: 'Venue', onSaleAt: 'On sale', status: 'Status', price: 'Price', section: 'Section',
  tier: 'Tier', available: '{n} of {c} available', seatMap: 'Seat map', pickSeats: 'Pick your seats',
  selected: 'Selected: {seats}', noneSelected: 'No seat selected.', holdSelected: 'Hold selected seats',
  bestAvailable: 'Best available', quantity: 'Quantity', holdBest: 'Find seats', generalAdmission: 'General admission',
  holdGa: 'Add tickets', legendFree: 'Available', legendTaken: 'Taken', legendSelected: 'Selected',
  legendAccessible: 'Accessible', seatLabel: 'Row {row} seat {number}', refresh: 'Refresh',
  yourHold: 'Your seats are held', expiresIn: 'Held for another {time}', holdExpired: 'This hold has expired.',
  release: 'Release', checkout: 'Check out', total: 'Total', order: 'Order', payBy: 'Pay within {time}',
  payment: 'Payment', cardNumber: 'Card number', expMonth: 'Month', expYear: 'Year', cvc: 'CVC', pay: 'Pay {amount}',
  sandboxCards: 'Sandbox test cards', cardApproved: 'approved', cardDeclined: 'declined', cardSlow: 'approved slowly (5 s)',
  cardTwice: 'approved, webhook delivered twice', cardOutOfOrder: 'approved, events out of order',
  paying: 'Payment processing…', paymentFailedOrder: 'Payment failed: {reason}. The seats were released.', chooseAgain: 'Choose seats again', paymentFailed: 'Payment failed: {reason}. Try another card.',
  confirming: 'Waiting for confirmation…', tickets: 'Tickets', ticketCode: 'Code', row: 'Row', seat: 'Seat',
  pdfByMail: 'Your tickets are also sent by email as a PDF.', checkedIn: 'Checked in {at}',
  downloadPdf: 'Download PDF', eventImage: 'Event image', imageFile: 'Image file', uploadImage: 'PNG or JPEG, up to 8 MB, at least 200 px wide.', imageDescription: 'Description of the image', imageDescriptionHint: 'What the picture shows, for people who cannot see it (alt text). Leave empty if it is only decoration.', noImage: 'No image yet: the venue\'s is shown, if it has one.',
  queueTitle: 'Waiting room', queueIntro: 'This sale is busy. Keep this page open: you will be let in automatically.',
  queuePosition: 'Your position', queueWaiting: 'People waiting', queueEta: 'Estimated wait', queueEarly: 'You are early: places are drawn at random when the sale opens ({at}).',
  queuePaused: 'The queue is paused for a moment.', queueAdmitted: 'It is your turn! Taking you to the seats…',
  queueLeave: 'Leave the queue', minutes: '{n} min', seconds: '{n} s',
  console: 'Organizer console', venues: 'Venues', newVenue: 'New venue', name: 'Name', address: 'Address',
  timezone: 'Time zone', create: 'Create', save: 'Save', sections: 'Sections', addSection: 'Add section', code: 'Code',
  kind: 'Kind', seated: 'Seated', ga: 'General admission', rowsFrom: 'Rows from', rowsTo: 'Rows to',
  seatsFrom: 'Seats from', seatsTo: 'Seats to', capacity: 'Capacity', newEvent: 'New event', title: 'Title',
  description: 'Description', endsAt: 'Ends', offSaleAt: 'Off sale', currency: 'Currency',
  maxPerOrder: 'Max tickets per order', maxPerBuyer: 'Max tickets per buyer', priceTiers: 'Price tiers',
  tierName: 'Tier name', amount: 'Price ({currency})', publish: 'Publish', pause: 'Pause sales', resume: 'Resume sales',
  cancelEvent: 'Cancel event', complete: 'Complete', sales: 'Live sales', ticketsSold: 'Tickets sold',
  revenue: 'Revenue', sellThrough: 'Sell-through', holdsPlaced: 'Holds placed', paidOrders: 'Paid orders',
  paymentsFailed: 'Payments failed', refunds: 'Refunds', cancelOrder: 'Cancel & refund', confirmCancel: 'Cancel this order and refund the buyer?',
  confirmCancelEvent: 'Cancel the whole event? Every paid order is refunded.', checkIn: 'Check-in',
  ticketCodeOrQr: 'Ticket code or QR payload', admit: 'Check in', admitted: 'Admitted: {section} {seat}',
  scan: 'Scan with camera', stopScan: 'Stop camera', noCamera: 'This browser cannot scan QR codes; type the code instead.',
  noSales: 'No sales yet.', passMinutes: 'Pass valid (minutes)', eventOrders: 'Orders', waitingRoom: 'Waiting room', enabled: 'Enabled', rate: 'Admissions per minute', noOrders: 'No orders yet.',
  view: 'Open', back: 'Back', done: 'Done', saved: 'Saved.', draftOnly: 'Prices can change only while the event is a draft.',
  waitingList: 'Waiting list', waitingLists: 'Waiting lists', soldOut: 'Sold out',
  waitingListIntro: 'Join the waiting list: when tickets come back, they are offered to the list in order and held for you for a few minutes.',
  joinWaitingList: 'Join the waiting list', waitingListsIntro: 'Your places in waiting lists. When tickets are offered to you, claim them before the time runs out; then they pass to the next person.',
  noWaitingLists: 'You are not in any waiting list.', waitingPosition: 'Position {n} in line', offerReady: '{n} ticket(s) are held for you!',
  offerExpiresIn: 'Claim within {time}', claimOffer: 'Claim {n} ticket(s)', leaveWaitingList: 'Leave the list',
  entryOFFERED: 'Offer made', entryCLAIMED: 'Claimed', entryEXPIRED: 'Offer expired', entryLEFT: 'Left', entryCLOSED: 'List closed',
  claimMinutes: 'Offer open for (minutes)', wlWaiting: 'Waiting', wlOffersOut: 'Offers out', wlOffersMade: 'Offers made',
  wlClaimed: 'Claimed', wlPurchased: 'Bought', wlExpired: 'Expired', wlConversion: 'Conversion',
  problem: {
    'waiting-list-closed': 'This event has no waiting list.', 'tickets-available': 'Tickets are available: hold them instead.',
    'already-waiting': 'You are already in this waiting list.', 'offer-not-open': 'This offer is no longer open ({offerStatus}).',
    'waiting-list-entry-not-found': 'No such waiting list place.',
    network: 'The platform could not be reached.', 'validation-failed': 'Please correct the highlighted fields.',
    unauthenticated: 'Please log in again.', forbidden: 'You are not allowed to do this.', 'not-found': 'Not found.',
    'seats-unavailable': 'Some of these seats were just taken.', 'sale-not-open': 'The sale is not open.',
    'capacity-exceeded': 'Not enough tickets left.', 'ticket-limit-exceeded': 'That is more tickets than allowed.',
    'hold-expired': 'Your hold has expired.', 'rate-limited': 'Too many requests: please wait a moment.',
    'service-busy': 'The platform is busy: please try again.', 'card-declined': 'The card was declined.',
    'card-expired': 'The card has expired.', 'event-state-conflict': 'The event cannot do that in its current state ({currentStatus}).',
    'order-state-conflict': 'The order cannot do that in its current state ({currentStatus}).',
    'ticket-already-checked-in': 'Already checked in at {checkedInAt}.', 'ticket-void': 'This ticket is void.',
    'invalid-ticket-signature': 'This QR code is not a valid ticket.', 'ticket-not-found': 'No such ticket.',
    'invalid-credentials': 'Email or password is wrong.', 'invalid-verification-code': 'That code is not right ({attemptsLeft} tries left).',
    'verification-code-expired': 'That code has expired: ask for a new one.', 'waiting-room-pass-required': 'This sale has a waiting room.',
    'holds-paused': 'Sales are paused for a moment: please try again shortly.', 'feature-disabled': 'This option is switched off right now.',
    'unsupported-image-type': 'Please upload a PNG or JPEG image.', 'invalid-image': 'This image cannot be used ({reason}).',
    'ticket-link-expired': 'The download link expired: please try again.',
  },
};
const de = {
  events: 'Veranstaltungen', search: 'Suchen', searchPlaceholder: 'Künstler, Titel…', city: 'Stadt', noEvents: 'Keine Veranstaltungen gefunden.',
  orders: 'Meine Bestellungen', account: 'Konto', login: 'Anmelden', logout: 'Abmelden', register: 'Konto anlegen',
  organizer: 'Veranstalter', email: 'E-Mail', password: 'Passwort', displayName: 'Name (optional)',
  passwordHint: 'Mindestens 12 Zeichen.', loggedInAs: 'Angemeldet als {email}', needLogin: 'Bitte melden Sie sich an.',
  emailVerification: 'E-Mail-Adresse', emailNotVerified: 'Ihre E-Mail-Adresse ist noch nicht bestätigt: bis dahin gehen nur Kaufbelege an sie.',
  emailVerified: 'E-Mail-Adresse bestätigt', sendCode: 'Code senden', verificationCode: 'Sechsstelliger Code', confirmEmail: 'Bestätigen',
  codeSent: 'Ein Code wurde an {email} gesendet.',
  noAccount: 'Noch kein Konto?', haveAccount: 'Schon registriert?',
  startsAt: 'Beginn', venue: 'Ort', onSaleAt: 'Vorverkauf ab', status: 'Status', price: 'Preis', section: 'Bereich',
  tier: 'Kategorie', available: '{n} von {c} frei', seatMap: 'Saalplan', pickSeats: 'Plätze wählen',
  selected: 'Gewählt: {seats}', noneSelected: 'Kein Platz gewählt.', holdSelected: 'Gewählte Plätze reservieren',
  bestAvailable: 'Beste verfügbare Plätze', quantity: 'Anzahl', holdBest: 'Plätze finden', generalAdmission: 'Stehplätze',
  holdGa: 'Tickets hinzufügen', legendFree: 'Frei', legendTaken: 'Belegt', legendSelected: 'Gewählt',
  legendAccessible: 'Barrierefrei', seatLabel: 'Reihe {row} Platz {number}', refresh: 'Aktualisieren',
  yourHold: 'Ihre Plätze sind reserviert', expiresIn: 'Noch {time} reserviert', holdExpired: 'Die Reservierung ist abgelaufen.',
  release: 'Freigeben', checkout: 'Zur Kasse', total: 'Summe', order: 'Bestellung', payBy: 'Bitte innerhalb von {time} bezahlen',
  payment: 'Zahlung', cardNumber: 'Kartennummer', expMonth: 'Monat', expYear: 'Jahr', cvc: 'Prüfziffer', pay: '{amount} bezahlen',
  sandboxCards: 'Testkarten der Sandbox', cardApproved: 'genehmigt', cardDeclined: 'abgelehnt', cardSlow: 'langsam genehmigt (5 s)',
  cardTwice: 'genehmigt, Webhook doppelt', cardOutOfOrder: 'genehmigt, Ereignisse vertauscht',
  paying: 'Zahlung wird verarbeitet…', paymentFailedOrder: 'Zahlung fehlgeschlagen: {reason}. Die Plätze wurden freigegeben.', chooseAgain: 'Erneut Plätze wählen', paymentFailed: 'Zahlung fehlgeschlagen: {reason}. Bitte andere Karte versuchen.',
  confirming: 'Warte auf Bestätigung…', tickets: 'Tickets', ticketCode: 'Code', row: 'Reihe', seat: 'Platz',
  pdfByMail: 'Ihre Tickets kommen außerdem als PDF per E-Mail.', checkedIn: 'Eingelassen {at}',
  downloadPdf: 'PDF herunterladen', eventImage: 'Bild der Veranstaltung', imageFile: 'Bilddatei', uploadImage: 'PNG oder JPEG, bis 8 MB, mindestens 200 px breit.', imageDescription: 'Beschreibung des Bildes', imageDescriptionHint: 'Was das Bild zeigt, für Menschen, die es nicht sehen können (Alternativtext). Leer lassen, wenn es nur Schmuck ist.', noImage: 'Noch kein Bild: das des Veranstaltungsorts wird gezeigt, falls vorhanden.',
  queueTitle: 'Warteraum', queueIntro: 'Dieser Verkauf ist gefragt. Lassen Sie die Seite offen: Sie werden automatisch eingelassen.',
  queuePosition: 'Ihre Position', queueWaiting: 'Wartende', queueEta: 'Geschätzte Wartezeit', queueEarly: 'Sie sind früh dran: Die Plätze werden bei Verkaufsstart ausgelost ({at}).',
  queuePaused: 'Die Warteschlange ist kurz angehalten.', queueAdmitted: 'Sie sind dran! Weiter zu den Plätzen…',
  queueLeave: 'Warteschlange verlassen', minutes: '{n} Min.', seconds: '{n} s',
  console: 'Veranstalterbereich', venues: 'Spielstätten', newVenue: 'Neue Spielstätte', name: 'Name', address: 'Adresse',
  timezone: 'Zeitzone', create: 'Anlegen', save: 'Speichern', sections: 'Bereiche', addSection: 'Bereich hinzufügen', code: 'Kürzel',
  kind: 'Art', seated: 'Sitzplätze', ga: 'Stehplätze', rowsFrom: 'Reihen von', rowsTo: 'Reihen bis',
  seatsFrom: 'Plätze von', seatsTo: 'Plätze bis', capacity: 'Kapazität', newEvent: 'Neue Veranstaltung', title: 'Titel',
  description: 'Beschreibung', endsAt: 'Ende', offSaleAt: 'Verkaufsende', currency: 'Währung',
  maxPerOrder: 'Max. Tickets pro Bestellung', maxPerBuyer: 'Max. Tickets pro Käufer', priceTiers: 'Preiskategorien',
  tierName: 'Kategorie', amount: 'Preis ({currency})', publish: 'Veröffentlichen', pause: 'Verkauf pausieren', resume: 'Verkauf fortsetzen',
  cancelEvent: 'Absagen', complete: 'Abschließen', sales: 'Verkäufe live', ticketsSold: 'Verkaufte Tickets',
  revenue: 'Umsatz', sellThrough: 'Auslastung', holdsPlaced: 'Reservierungen', paidOrders: 'Bezahlte Bestellungen',
  paymentsFailed: 'Fehlgeschlagene Zahlungen', refunds: 'Erstattungen', cancelOrder: 'Stornieren & erstatten', confirmCancel: 'Bestellung stornieren und erstatten?',
  confirmCancelEvent: 'Ganze Veranstaltung absagen? Alle bezahlten Bestellungen werden erstattet.', checkIn: 'Einlass',
  ticketCodeOrQr: 'Ticket-Code oder QR-Inhalt', admit: 'Einlassen', admitted: 'Eingelassen: {section} {seat}',
  scan: 'Mit Kamera scannen', stopScan: 'Kamera aus', noCamera: 'Dieser Browser kann keine QR-Codes scannen; bitte Code eintippen.',
  noSales: 'Noch keine Verkäufe.', passMinutes: 'Pass gültig (Minuten)', eventOrders: 'Bestellungen', waitingRoom: 'Warteraum', enabled: 'Aktiv', rate: 'Einlässe pro Minute', noOrders: 'Noch keine Bestellungen.',
  view: 'Öffnen', back: 'Zurück', done: 'Fertig', saved: 'Gespeichert.', draftOnly: 'Preise lassen sich nur im Entwurf ändern.',
  waitingList: 'Warteliste', waitingLists: 'Wartelisten', soldOut: 'Ausverkauft',
  waitingListIntro: 'Tragen Sie sich in die Warteliste ein: Werden Tickets frei, werden sie der Liste der Reihe nach angeboten und einige Minuten für Sie reserviert.',
  joinWaitingList: 'Auf die Warteliste', waitingListsIntro: 'Ihre Plätze auf Wartelisten. Werden Ihnen Tickets angeboten, sichern Sie sie, bevor die Zeit abläuft; danach gehen sie an die nächste Person.',
  noWaitingLists: 'Sie stehen auf keiner Warteliste.', waitingPosition: 'Platz {n} in der Reihe', offerReady: '{n} Ticket(s) sind für Sie reserviert!',
  offerExpiresIn: 'Sichern innerhalb von {time}', claimOffer: '{n} Ticket(s) sichern', leaveWaitingList: 'Liste verlassen',
  entryOFFERED: 'Angebot gemacht', entryCLAIMED: 'Gesichert', entryEXPIRED: 'Angebot abgelaufen', entryLEFT: 'Verlassen', entryCLOSED: 'Liste geschlossen',
  claimMinutes: 'Angebot gültig (Minuten)', wlWaiting: 'Wartend', wlOffersOut: 'Offene Angebote', wlOffersMade: 'Angebote',
  wlClaimed: 'Gesichert', wlPurchased: 'Gekauft', wlExpired: 'Abgelaufen', wlConversion: 'Konversion',
  problem: {
    'waiting-list-closed': 'Diese Veranstaltung hat keine Warteliste.', 'tickets-available': 'Es gibt noch Tickets: bitte direkt reservieren.',
    'already-waiting': 'Sie stehen bereits auf dieser Warteliste.', 'offer-not-open': 'Dieses Angebot ist nicht mehr offen ({offerStatus}).',
    'waiting-list-entry-not-found': 'Kein solcher Platz auf der Warteliste.',
    network: 'Die Plattform ist nicht erreichbar.', 'validation-failed': 'Bitte korrigieren Sie die markierten Felder.',
    unauthenticated: 'Bitte melden Sie sich erneut an.', forbidden: 'Das ist Ihnen nicht erlaubt.', 'not-found': 'Nicht gefunden.',
    'seats-unavailable': 'Einige dieser Plätze wurden gerade vergeben.', 'sale-not-open': 'Der Verkauf ist nicht geöffnet.',
    'capacity-exceeded': 'Nicht mehr genug Tickets.', 'ticket-limit-exceeded': 'Mehr Tickets als erlaubt.',
    'hold-expired': 'Ihre Reservierung ist abgelaufen.', 'rate-limited': 'Zu viele Anfragen: bitte kurz warten.',
    'service-busy': 'Die Plattform ist ausgelastet: bitte erneut versuchen.', 'card-declined': 'Die Karte wurde abgelehnt.',
    'card-expired': 'Die Karte ist abgelaufen.', 'event-state-conflict': 'Im aktuellen Zustand ({currentStatus}) nicht möglich.',
    'order-state-conflict': 'Im aktuellen Zustand der Bestellung ({currentStatus}) nicht möglich.',
    'ticket-already-checked-in': 'Bereits eingelassen um {checkedInAt}.', 'ticket-void': 'Dieses Ticket ist ungültig.',
    'invalid-ticket-signature': 'Dieser QR-Code ist kein gültiges Ticket.', 'ticket-not-found': 'Ticket nicht gefunden.',
    'invalid-credentials': 'E-Mail oder Passwort falsch.', 'invalid-verification-code': 'Der Code stimmt nicht (noch {attemptsLeft} Versuche).',
    'verification-code-expired': 'Der Code ist abgelaufen: bitte einen neuen anfordern.', 'waiting-room-pass-required': 'Dieser Verkauf hat einen Warteraum.',
    'holds-paused': 'Der Verkauf ist kurz angehalten: bitte gleich erneut versuchen.', 'feature-disabled': 'Diese Option ist gerade abgeschaltet.',
    'unsupported-image-type': 'Bitte ein PNG- oder JPEG-Bild hochladen.', 'invalid-image': 'Dieses Bild ist nicht verwendbar ({reason}).',
    'ticket-link-expired': 'Der Download-Link ist abgelaufen: bitte erneut versuchen.',
  },
};

// Seat flags (the organizer's seat-flag editor, the buyer's seat map).
Object.assign(en, { legendRestricted: 'Restricted view', seatFlags: 'Seat flags' });
Object.assign(de, { legendRestricted: 'Eingeschränkte Sicht', seatFlags: 'Platzmerkmale' });
// Attendee questions and ticket transfer (attendee.js).
Object.assign(en, {
  questions: 'Questions', forTicket: 'Ticket {n}: {question}', answers: 'Answers', yes: 'Yes', no: 'No',
  transfer: 'Transfer', transferTo: 'Recipient\'s email', transferredTo: 'Transferred to {email}',
  transferred: 'The ticket went to {email}. Your copy no longer admits anyone.',
  confirmTransfer: 'Transfer this ticket to {email}? Its current QR code stops working at once.',
  questionLabel: 'Question', questionKind: 'Kind', kindText: 'Text', kindChoice: 'Choice', kindCheckbox: 'Checkbox',
  questionOptions: 'Options', questionOptionsHint: 'For a choice: separated by commas.', questionScope: 'Asked',
  scopeOrder: 'once per order', scopeTicket: 'for each ticket', required: 'Required', addQuestion: 'Add question',
  noQuestions: 'No questions yet.', disable: 'Disable', enable: 'Enable', exportAnswers: 'Attendees and answers:',
  ticketTransfer: 'Ticket transfer', transfersAllowed: 'Buyers may transfer tickets',
  transferDeadline: 'Until', transferDeadlineHint: 'Empty: until the event starts.',
});
Object.assign(en.problem, {
  'invalid-answers': 'Please answer the questions: {detail}', 'invalid-question': 'This question is not valid.',
  'ticket-transferred': 'This ticket was transferred: its code no longer admits anyone.',
  'transfer-not-allowed': 'The organizer does not allow this transfer ({reason}).',
});
Object.assign(de, {
  questions: 'Fragen', forTicket: 'Ticket {n}: {question}', answers: 'Antworten', yes: 'Ja', no: 'Nein',
  transfer: 'Weitergeben', transferTo: 'E-Mail des Empfängers', transferredTo: 'Weitergegeben an {email}',
  transferred: 'Das Ticket ging an {email}. Ihr Exemplar gewährt keinen Einlass mehr.',
  confirmTransfer: 'Dieses Ticket an {email} weitergeben? Sein jetziger QR-Code wird sofort ungültig.',
  questionLabel: 'Frage', questionKind: 'Art', kindText: 'Text', kindChoice: 'Auswahl', kindCheckbox: 'Häkchen',
  questionOptions: 'Optionen', questionOptionsHint: 'Für eine Auswahl: durch Kommas getrennt.', questionScope: 'Gefragt',
  scopeOrder: 'einmal pro Bestellung', scopeTicket: 'für jedes Ticket', required: 'Pflicht', addQuestion: 'Frage hinzufügen',
  noQuestions: 'Noch keine Fragen.', disable: 'Deaktivieren', enable: 'Aktivieren', exportAnswers: 'Teilnehmer und Antworten:',
  ticketTransfer: 'Ticket-Weitergabe', transfersAllowed: 'Käufer dürfen Tickets weitergeben',
  transferDeadline: 'Bis', transferDeadlineHint: 'Leer: bis zum Beginn der Veranstaltung.',
});
Object.assign(de.problem, {
  'invalid-answers': 'Bitte beantworten Sie die Fragen: {detail}', 'invalid-question': 'Diese Frage ist ungültig.',
  'ticket-transferred': 'Dieses Ticket wurde weitergegeben: sein Code gewährt keinen Einlass mehr.',
  'transfer-not-allowed': 'Der Veranstalter erlaubt diese Weitergabe nicht ({reason}).',
});

const preferred = (navigator.languages || [navigator.language || 'en']).map(l => l.toLowerCase());
export const locale = preferred.find(l => l.startsWith('de') || l.startsWith('en'))?.startsWith('de') ? 'de' : 'en';
const dict = locale === 'de' ? de : en;
document.documentElement.lang = locale;

const fill = (text, params = {}) => text.replace(/\{(\w+)\}/g, (_, k) => params[k] ?? '');
export const t = (key, params) => fill(dict[key] ?? en[key] ?? key, params);
export const problemText = (slug, params) => {
  const text = dict.problem[slug] ?? en.problem[slug];
  return text ? fill(text, params) : null;
};

export const money = (minor, currency) => new Intl.NumberFormat(locale, { style: 'currency', currency })
  .format(minor / 10 ** (new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits));
export const minorDigits = currency => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
export const dateTime = iso => iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '';
export const duration = seconds => seconds >= 60
  ? `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`
  : t('seconds', { n: Math.max(0, Math.floor(seconds)) });
