import { t, money, dateTime, minorDigits } from './i18n.js';
import { h, fill, render, flash, act, field, formData, every, onLeave } from './ui.js';
import { api, apiBytes, currentSession, hasRole } from './api.js';
import { go } from './main.js';
import { questionEditor, transferSettings, doorAnswers } from './attendee.js';
import { chargesSection, codesSection, orderInvoicesButton } from './commerce.js';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const toLocalInput = date => new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
const fromLocalInput = value => new Date(value).toISOString();

function guard() {
  if (hasRole('ORGANIZER', 'ADMIN')) return true;
  render(t('console'), h('p', { class: 'problem' }, t('problem.forbidden')));
  return false;
}

// ---------- dashboard: events and venues ----------
export async function dashboardPage() {
  if (!guard()) return;
  const [events, venues] = await Promise.all([api('GET', '/api/v1/admin/events?size=100'), api('GET', '/api/v1/admin/venues?size=100')]);
  render(t('console'),
    h('p', { class: 'actions' }, h('a', { class: 'button', href: '#/admin/events/new' }, t('newEvent')),
      h('a', { class: 'button', href: '#/admin/venues/new' }, t('newVenue')),
      h('a', { class: 'button secondary', href: '#/admin/check-in' }, t('checkIn'))),
    h('h2', {}, t('events')),
    h('table', { class: 'list' }, h('thead', {}, h('tr', {}, [t('title'), t('startsAt'), t('status')].map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, events.items.map(e => h('tr', {}, h('td', {}, h('a', { href: `#/admin/events/${e.id}` }, e.title)),
        h('td', {}, dateTime(e.startsAt)), h('td', {}, h('span', { class: `badge ${e.status}` }, e.status)))))),
    h('h2', {}, t('venues')),
    h('ul', { class: 'plain' }, venues.items.map(v => h('li', {}, h('a', { href: `#/admin/venues/${v.id}` }, v.name), ` · ${v.city}`))));
}

// ---------- venues and sections ----------
export async function newVenuePage() {
  if (!guard()) return;
  const organizations = currentSession().organizations || [];
  const slot = h('div');
  const form = h('form', { class: 'narrow', id: 'venue-form', onsubmit: async e => {
    e.preventDefault();
    const body = formData(form);
    const venue = await act(slot, form, () => api('POST', '/api/v1/admin/venues', { body }));
    if (venue) go(`/admin/venues/${venue.id}`);
  } },
  organizations.length > 1
    ? field('Organization', { name: 'organizationId', options: organizations.map(o => [o, o]) })
    : h('input', { type: 'hidden', name: 'organizationId', value: organizations[0] || '' }),
  field(t('name'), { name: 'name', required: true, id: 'venue-name' }),
  field(t('address'), { name: 'address', required: true, id: 'venue-address' }),
  field(t('city'), { name: 'city', required: true, id: 'venue-city' }),
  field(t('timezone'), { name: 'timezone', required: true, value: zone }),
  slot, h('button', { type: 'submit', id: 'venue-create' }, t('create')));
  render(t('newVenue'), form);
}

export async function venuePage(venueId) {
  if (!guard()) return;
  const map = await api('GET', `/api/v1/admin/venues/${venueId}`);
  const slot = h('div');
  const form = h('form', { class: 'section-form', id: 'section-form', onsubmit: async e => {
    e.preventDefault();
    const d = formData(form);
    const body = { code: d.code, name: d.name, kind: d.kind };
    if (d.kind === 'SEATED') {
      body.rows = { from: d.rowsFrom, to: d.rowsTo };
      body.seats = { from: Number(d.seatsFrom), to: Number(d.seatsTo) };
    } else {
      body.capacity = Number(d.capacity);
    }
    if (await act(slot, form, () => api('POST', `/api/v1/admin/venues/${venueId}/sections`, { body }))) {
      flash(t('saved'), 'ok');
      venuePage(venueId);
    }
  } },
  h('h2', {}, t('addSection')),
  h('div', { class: 'row3' },
    field(t('code'), { name: 'code', required: true, maxlength: 20, id: 'section-code' }),
    field(t('name'), { name: 'name', required: true, id: 'section-name' }),
    field(t('kind'), { name: 'kind', options: [['SEATED', t('seated')], ['GENERAL_ADMISSION', t('ga')]], id: 'section-kind' })),
  h('div', { class: 'row3' },
    field(t('rowsFrom'), { name: 'rowsFrom', value: 'A', id: 'rows-from' }), field(t('rowsTo'), { name: 'rowsTo', value: 'E', id: 'rows-to' }),
    field(t('seatsFrom'), { name: 'seatsFrom', type: 'number', value: 1, min: 1 }),
    field(t('seatsTo'), { name: 'seatsTo', type: 'number', value: 10, min: 1, id: 'seats-to' }),
    field(t('capacity'), { name: 'capacity', type: 'number', value: 100, min: 1, id: 'section-capacity' })),
  slot, h('button', { type: 'submit', id: 'section-add' }, t('addSection')));
  render(map.venue.name,
    h('p', { class: 'muted' }, `${map.venue.address}, ${map.venue.city} · ${map.venue.timezone}`),
    h('h2', {}, t('sections')),
    map.sections.length ? h('table', {}, h('thead', {}, h('tr', {}, [t('code'), t('name'), t('kind'), t('capacity')].map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, map.sections.map(x => h('tr', {}, h('td', {}, x.code), h('td', {}, x.name), h('td', {}, x.kind), h('td', {}, x.capacity)))))
      : null,
    form,
    map.sections.filter(x => x.kind === 'SEATED' && x.seats.length).map(x => seatFlags(venueId, x)),
    h('p', {}, h('a', { class: 'button', href: `#/admin/events/new?venue=${venueId}`, id: 'venue-new-event' }, t('newEvent'))));
}

/**
 * A seated section's seat flags: which seats are wheelchair accessible or have a restricted view (buyers see both on
 * the seat map). Pick a seat, tick its flags, save; the flagged seats are listed above the form.
 */
function seatFlags(venueId, section) {
  const slot = h('div');
  const name = seat => `${seat.row}-${seat.number}`;
  const flagged = (flag, label) => {
    const seats = section.seats.filter(seat => seat[flag]).map(name);
    return h('li', { 'data-flag': flag }, `${label}: `, seats.length ? seats.join(', ') : '—');
  };
  const check = (flagName, label) => h('div', { class: 'field check' },
    h('label', {}, h('input', { type: 'checkbox', name: flagName, id: `${flagName}-${section.id}` }), ` ${label}`));
  const form = h('form', { class: 'inline seat-flags', id: `seat-flags-${section.code}`, onsubmit: async e => {
    e.preventDefault();
    const body = { accessible: form.elements.accessible.checked, restrictedView: form.elements.restrictedView.checked };
    const seatId = form.elements.seatId.value;
    if (await act(slot, form, () => api('PUT', `/api/v1/admin/venues/${venueId}/sections/${section.id}/seats/${seatId}`, { body }))) {
      flash(t('saved'), 'ok');
      venuePage(venueId);
    }
  } },
  field(t('seat'), { name: 'seatId', id: `flag-seat-${section.code}`, onchange: () => show(),
    options: section.seats.map(seat => [seat.id, t('seatLabel', { row: seat.row, number: seat.number })]) }),
  check('accessible', t('legendAccessible')), check('restrictedView', t('legendRestricted')),
  h('button', { type: 'submit', id: `seat-flags-save-${section.code}` }, t('save')));
  const show = () => {
    const seat = section.seats.find(x => x.id === form.elements.seatId.value);
    form.elements.accessible.checked = !!seat?.accessible;
    form.elements.restrictedView.checked = !!seat?.restrictedView;
  };
  show();
  return h('section', { class: 'seat-flags-block' }, h('h3', {}, `${t('seatFlags')}: ${section.name}`),
    h('ul', { class: 'plain flagged' }, flagged('accessible', t('legendAccessible')), flagged('restrictedView', t('legendRestricted'))),
    form, slot);
}

// ---------- events ----------
export async function newEventPage(query) {
  if (!guard()) return;
  const venues = await api('GET', '/api/v1/admin/venues?size=100');
  const slot = h('div');
  const now = new Date();
  const hour = 3600_000;
  const form = h('form', { class: 'narrow', id: 'event-form', onsubmit: async e => {
    e.preventDefault();
    const d = formData(form);
    const body = { venueId: d.venueId, title: d.title, description: d.description || null, timezone: d.timezone,
      currency: d.currency.toUpperCase(), startsAt: fromLocalInput(d.startsAt), endsAt: fromLocalInput(d.endsAt),
      onSaleAt: fromLocalInput(d.onSaleAt), offSaleAt: fromLocalInput(d.offSaleAt),
      maxTicketsPerOrder: Number(d.maxTicketsPerOrder), maxTicketsPerBuyer: Number(d.maxTicketsPerBuyer) };
    const event = await act(slot, form, () => api('POST', '/api/v1/admin/events', { body }));
    if (event) go(`/admin/events/${event.id}`);
  } },
  field(t('venue'), { name: 'venueId', options: venues.items.map(v => [v.id, v.name]), value: query.get('venue') || '', id: 'event-venue' }),
  field(t('title'), { name: 'title', required: true, id: 'event-title' }),
  field(t('description'), { name: 'description', type: 'textarea' }),
  h('div', { class: 'row3' },
    field(t('onSaleAt'), { name: 'onSaleAt', type: 'datetime-local', value: toLocalInput(new Date(now.getTime() - 60_000)), required: true }),
    field(t('offSaleAt'), { name: 'offSaleAt', type: 'datetime-local', value: toLocalInput(new Date(now.getTime() + 29 * 24 * hour)), required: true }),
    field(t('startsAt'), { name: 'startsAt', type: 'datetime-local', value: toLocalInput(new Date(now.getTime() + 30 * 24 * hour)), required: true }),
    field(t('endsAt'), { name: 'endsAt', type: 'datetime-local', value: toLocalInput(new Date(now.getTime() + 30 * 24 * hour + 3 * hour)), required: true })),
  h('div', { class: 'row3' },
    field(t('timezone'), { name: 'timezone', value: zone, required: true }),
    field(t('currency'), { name: 'currency', value: 'EUR', required: true, maxlength: 3, pattern: '[A-Za-z]{3}' }),
    field(t('maxPerOrder'), { name: 'maxTicketsPerOrder', type: 'number', value: 8, min: 1 }),
    field(t('maxPerBuyer'), { name: 'maxTicketsPerBuyer', type: 'number', value: 8, min: 1 })),
  slot, h('button', { type: 'submit', id: 'event-create' }, t('create')));
  render(t('newEvent'), form);
}

export async function eventPage(eventId) {
  if (!guard()) return;
  const event = await api('GET', `/api/v1/admin/events/${eventId}`);
  const map = await api('GET', `/api/v1/admin/venues/${event.venueId}`).catch(() => ({ sections: [] }));
  const slot = h('div');
  const digits = minorDigits(event.currency);
  const lifecycle = h('div', { class: 'actions' });
  const action = (name, label, confirmText) => h('button', { type: 'button', id: `event-${name}`, class: name === 'cancel' ? 'danger' : '',
    onclick: async () => {
      if (confirmText && !confirm(confirmText)) return;
      if (await act(slot, lifecycle, () => api('POST', `/api/v1/admin/events/${eventId}/${name}`))) { flash(t('saved'), 'ok'); eventPage(eventId); }
    } }, label);
  const can = {
    DRAFT: [['publish', t('publish')], ['cancel', t('cancelEvent'), t('confirmCancelEvent')]],
    PUBLISHED: [['pause', t('pause')], ['complete', t('complete')], ['cancel', t('cancelEvent'), t('confirmCancelEvent')]],
    SALES_PAUSED: [['resume', t('resume')], ['cancel', t('cancelEvent'), t('confirmCancelEvent')]],
  }[event.status] || [];
  lifecycle.append(...can.map(([n, l, c]) => action(n, l, c)));

  const priceOf = id => event.sections.find(x => x.sectionId === id);
  const tiers = h('form', { class: 'tiers-form', id: 'tiers-form', onsubmit: async e => {
    e.preventDefault();
    const rows = [...tiers.querySelectorAll('[data-section]')].map(row => ({
      sectionId: row.dataset.section, name: row.querySelector('[name="tier"]').value || 'Standard',
      amountMinor: Math.round(Number(row.querySelector('[name="amount"]').value) * 10 ** digits),
      hidden: row.querySelector('[name="hidden"]').checked }));
    if (await act(slot, tiers, () => api('PUT', `/api/v1/admin/events/${eventId}/price-tiers`, { body: { tiers: rows } }))) {
      flash(t('saved'), 'ok'); eventPage(eventId);
    }
  } },
  h('h2', {}, t('priceTiers')),
  event.status !== 'DRAFT' ? h('p', { class: 'muted' }, t('draftOnly')) : null,
  h('div', { class: 'table-scroll' }, h('table', {}, h('thead', {}, h('tr', {}, [t('section'), t('tierName'), t('amount', { currency: event.currency }), t('hiddenTier')].map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, map.sections.map(x => {
      const p = priceOf(x.id);
      return h('tr', { 'data-section': x.id }, h('th', { scope: 'row' }, `${x.name} (${x.capacity})`),
        h('td', {}, h('input', { name: 'tier', value: p?.tier || 'Standard', 'aria-label': `${t('tierName')} ${x.name}`, disabled: event.status !== 'DRAFT' })),
        h('td', {}, h('input', { name: 'amount', type: 'number', min: 0, step: 1 / 10 ** digits, 'aria-label': `${t('amount', { currency: event.currency })} ${x.name}`,
          value: p?.priceMinor != null ? p.priceMinor / 10 ** digits : 50, disabled: event.status !== 'DRAFT' })),
        h('td', {}, h('input', { name: 'hidden', type: 'checkbox', class: 'tier-hidden', checked: p?.hidden || undefined,
          'aria-label': `${t('hiddenTier')} ${x.name}`, disabled: event.status !== 'DRAFT' })));
    })))),
  h('p', { class: 'hint' }, t('hiddenTierHint')),
  event.status === 'DRAFT' ? h('button', { type: 'submit', id: 'tiers-save' }, t('save')) : null);

  const room = await api('GET', `/api/v1/admin/events/${eventId}/waiting-room`).catch(() => null);
  const roomSlot = h('div');
  const queue = h('p', { class: 'muted', 'aria-live': 'polite' });
  const roomForm = h('form', { class: 'inline', id: 'waiting-room-form', onsubmit: async e => {
    e.preventDefault();
    const d = formData(roomForm);
    const body = { enabled: d.enabled === 'on', mode: 'FIXED', ratePerMinute: Number(d.ratePerMinute), passMinutes: Number(d.passMinutes) };
    if (await act(roomSlot, roomForm, () => api('PUT', `/api/v1/admin/events/${eventId}/waiting-room`, { body }))) flash(t('saved'), 'ok');
  } },
  h('div', { class: 'field check' }, h('label', {}, h('input', { type: 'checkbox', name: 'enabled', checked: room?.enabled || undefined }), ` ${t('enabled')}`)),
  field(t('rate'), { name: 'ratePerMinute', type: 'number', min: 1, value: room?.ratePerMinute || 300 }),
  field(t('passMinutes'), { name: 'passMinutes', type: 'number', min: 1, value: room?.passMinutes || 10 }),
  h('button', { type: 'submit' }, t('save')));
  const waiting = h('section', {}, h('h2', {}, t('waitingRoom')), roomForm, roomSlot, queue);
  const loadQueue = async () => {
    try {
      const q = await api('GET', `/api/v1/admin/waiting-room/events/${eventId}`);
      queue.textContent = Object.entries(q).filter(([, v]) => typeof v !== 'object').map(([k, v]) => `${k}: ${v}`).join(' · ');
    } catch { queue.textContent = ''; }
  };
  const waitingList = waitingListSection(eventId);
  const sales = h('section', { class: 'sales', 'aria-live': 'polite' }, h('h2', {}, t('sales')));
  const orders = h('section', {}, h('h2', {}, t('eventOrders')));
  const codes = await codesSection(event, event.sections);
  render(event.title,
    h('p', {}, h('span', { class: `badge ${event.status}`, id: 'event-status' }, event.status), ' ',
      `${dateTime(event.startsAt)} · ${t('onSaleAt')}: ${dateTime(event.onSaleAt)}`, ' · ',
      h('a', { href: `#/events/${eventId}` }, t('view'))),
    slot, lifecycle, sales, tiers, chargesSection(event), codes, imageSection(event), orders, waiting, waitingList.section,
    ...await Promise.all([questionEditor(eventId), transferSettings(eventId)]));

  const loadSales = async () => {
    try {
      const report = await api('GET', `/api/v1/admin/analytics/events/${eventId}`);
      const f = report.figures;
      const stat = (label, value) => h('div', { class: 'stat' }, h('span', {}, label), h('strong', {}, value));
      const series = await api('GET', `/api/v1/admin/analytics/events/${eventId}/timeseries`).catch(() => null);
      fill(sales, h('h2', {}, t('sales')), h('div', { class: 'stats' },
        stat(t('ticketsSold'), f.ticketsSold),
        stat(t('revenue'), f.revenue.map(r => money(r.netMinor, r.currency)).join(' + ') || money(0, event.currency)),
        stat(t('sellThrough'), report.sellThroughPercent != null ? `${report.sellThroughPercent.toFixed(1)} %` : '—'),
        stat(t('holdsPlaced'), f.holdsPlaced), stat(t('paidOrders'), f.paidOrders),
        stat(t('paymentsFailed'), f.paymentsFailed), stat(t('refunds'), f.refunds)),
      series?.points?.length ? chart(series.points) : null);
    } catch (e) {
      fill(sales, h('h2', {}, t('sales')), h('p', { class: 'muted' }, e.status === 404 ? t('noSales') : e.message));
    }
  };
  const loadOrders = async () => {
    const page = await api('GET', `/api/v1/admin/events/${eventId}/orders?size=50`);
    const box = h('div');
    fill(orders, h('h2', {}, t('eventOrders')), box, page.items.length ? h('table', {},
      h('thead', {}, h('tr', {}, [t('order'), t('status'), t('total'), ''].map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, page.items.map(o => h('tr', {}, h('td', {}, dateTime(o.createdAt), ' · ', o.quantity, '×'),
        h('td', {}, o.status), h('td', {}, money(o.totalMinor, o.currency)),
        h('td', {}, ['CONFIRMED', 'PENDING_PAYMENT', 'PARTIALLY_REFUNDED'].includes(o.status)
          ? h('button', { type: 'button', class: 'secondary', onclick: async e => {
            if (!confirm(t('confirmCancel'))) return;
            if (await act(box, e.target.parentElement, () => api('POST', `/api/v1/admin/events/${eventId}/orders/${o.id}/cancel`))) loadOrders();
          } }, t('cancelOrder')) : '', orderInvoicesButton(eventId, o))))))
      : h('p', {}, t('noOrders')));
  };
  await Promise.all([loadSales(), loadOrders(), room?.enabled ? loadQueue() : null, waitingList.load()]);
  every(5000, () => { loadSales(); if (room?.enabled) loadQueue(); waitingList.load(); });
}

/** The event's sold-out waiting list (docs/commerce.md): on or off, how long offers stay open, and its figures. */
function waitingListSection(eventId) {
  const slot = h('div');
  const figures = h('div', { 'aria-live': 'polite', id: 'waiting-list-figures' });
  const form = h('form', { class: 'inline', id: 'waiting-list-form', onsubmit: async e => {
    e.preventDefault();
    const d = formData(form);
    const body = { enabled: d.enabled === 'on', claimMinutes: Number(d.claimMinutes) };
    const saved = await act(slot, form, () => api('PUT', `/api/v1/admin/events/${eventId}/waiting-list`, { body }));
    if (saved) { flash(t('saved'), 'ok'); show(saved); }
  } },
  h('div', { class: 'field check' }, h('label', {}, h('input', { type: 'checkbox', name: 'enabled' }), ` ${t('enabled')}`)),
  field(t('claimMinutes'), { name: 'claimMinutes', type: 'number', min: 1, max: 1440, value: 15 }),
  h('button', { type: 'submit' }, t('save')));
  let shown = false;
  const show = list => {
    if (!shown) {
      form.querySelector('[name="enabled"]').checked = list.enabled;
      form.querySelector('[name="claimMinutes"]').value = list.claimMinutes;
      shown = true;
    }
    const f = list.total;
    const stat = (label, value) => h('div', { class: 'stat' }, h('span', {}, label), h('strong', {}, value));
    fill(figures, h('div', { class: 'stats' },
      stat(t('wlWaiting'), f.waiting), stat(t('wlOffersOut'), f.offersOut), stat(t('wlOffersMade'), f.offersMade),
      stat(t('wlClaimed'), f.claimed), stat(t('wlPurchased'), f.purchased), stat(t('wlExpired'), f.expired),
      stat(t('wlConversion'), `${f.conversionPercent} %`)));
  };
  const load = () => api('GET', `/api/v1/admin/events/${eventId}/waiting-list`).then(show).catch(() => {});
  return { section: h('section', {}, h('h2', {}, t('waitingList')), form, slot, figures), load };
}

/** Tickets sold per time bucket as an SVG bar chart with a text alternative. */
function chart(points) {
  const max = Math.max(1, ...points.map(p => p.ticketsSold));
  const w = 600, hgt = 120, bar = w / points.length;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${hgt}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', points.map(p => `${dateTime(p.start)}: ${p.ticketsSold}`).join('; '));
  points.forEach((p, i) => {
    const r = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    const height = (p.ticketsSold / max) * (hgt - 10);
    Object.entries({ x: i * bar + 1, y: hgt - height, width: Math.max(1, bar - 2), height }).forEach(([k, v]) => r.setAttribute(k, v));
    svg.append(r);
  });
  return svg;
}

// ---------- check-in ----------
export function checkInPage() {
  if (!guard()) return;
  const slot = h('div', { 'aria-live': 'assertive' });
  const video = h('video', { class: 'scanner', muted: true, playsinline: true, hidden: true });
  let stream = null;
  const admit = async value => {
    const trimmed = value.trim();
    if (!trimmed) return;
    const body = trimmed.includes('.') || trimmed.length > 40 ? { qrPayload: trimmed } : { code: trimmed };
    const ticket = await act(slot, form, () => api('POST', '/api/v1/admin/check-ins', { body }));
    if (ticket) {
      fill(slot, h('p', { class: 'flash ok', id: 'checkin-result' },
        t('admitted', { section: ticket.sectionName, seat: ticket.row ? `${t('row')} ${ticket.row}, ${t('seat')} ${ticket.seat}` : '' }), ` (${ticket.code})`),
        doorAnswers(ticket));
      form.reset();
    }
    form.elements.code.focus();
  };
  const form = h('form', { class: 'narrow', id: 'checkin-form', onsubmit: e => { e.preventDefault(); admit(formData(form).code); } },
    field(t('ticketCodeOrQr'), { name: 'code', required: true, autocomplete: 'off', id: 'checkin-code', autofocus: true }),
    h('button', { type: 'submit', id: 'checkin-submit' }, t('admit')));
  const stop = () => { stream?.getTracks().forEach(track => track.stop()); stream = null; video.hidden = true; };
  const scanButton = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    if (stream) { stop(); scanButton.textContent = t('scan'); return; }
    if (!('BarcodeDetector' in window) || !navigator.mediaDevices?.getUserMedia) { flash(t('noCamera'), 'error'); return; }
    try {
      const detector = new BarcodeDetector({ formats: ['qr_code'] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      scanButton.textContent = t('stopScan');
      let last = '';
      const scan = async () => {
        if (!stream) return;
        try {
          const codes = await detector.detect(video);
          const value = codes[0]?.rawValue;
          if (value && value !== last) { last = value; await admit(value); }
        } catch { /* next frame */ }
        setTimeout(scan, 250);
      };
      scan();
    } catch (e) {
      stop();
      flash(e.message || t('noCamera'), 'error');
    }
  } }, t('scan'));
  onLeave(stop);
  render(t('checkIn'), form, slot, h('p', {}, scanButton), video,
    'BarcodeDetector' in window ? null : h('p', { class: 'muted' }, t('noCamera')));
}

// ---------- event image ----------
/**
 * The event's image and a form to upload a new one (PNG or JPEG; the server checks and resizes it) with its text
 * alternative: what the picture shows, for buyers who cannot see it (the pages' alt; without one it is decoration).
 */
function imageSection(event) {
  const slot = h('div');
  const preview = h('div', { class: 'image-preview' });
  const show = image => fill(preview, image
    ? h('img', { src: image.url, alt: image.description || '', class: 'event-image', width: image.width, height: image.height })
    : h('p', { class: 'muted' }, t('noImage')));
  show(event.image);
  const form = h('form', { id: 'event-image-form', onsubmit: async e => {
    e.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) return;
    const description = formData(form).description.trim();
    const query = description ? `?${new URLSearchParams({ description })}` : '';
    const image = await act(slot, form, () => apiBytes('PUT', `/api/v1/admin/events/${event.id}/image${query}`, { file }));
    if (image) { flash(t('saved'), 'ok'); show(image); }
  } },
  field(t('imageFile'), { type: 'file', id: 'event-image-file', name: 'image', accept: 'image/png,image/jpeg', required: true }, t('uploadImage')),
  field(t('imageDescription'), { id: 'event-image-description', name: 'description', maxlength: 250, value: event.image?.description || '' }, t('imageDescriptionHint')),
  h('button', { type: 'submit', id: 'event-image-save' }, t('save')));
  return h('section', {}, h('h2', {}, t('eventImage')), preview, form, slot);
}
