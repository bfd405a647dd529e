import { t, money, dateTime, duration } from './i18n.js';
import { h, fill, s, render, flash, act, field, formData, every, later, problemBox } from './ui.js';
import { api, apiBytes, login, register, logout, currentSession, Problem } from './api.js';
import { go } from './main.js';
import { qrSvg } from './qr.js';
import { checkoutQuestions, answersList, transferControl } from './attendee.js';
import { accessCodeField, invitedSection, promoCodeField, orderSummary, invoiceLinks } from './commerce.js';

const PASSES = 'boxoffice.passes';
const passes = () => JSON.parse(sessionStorage.getItem(PASSES) || '{}');
function passFor(eventId) {
  const pass = passes()[eventId];
  return pass && new Date(pass.passExpiresAt) > new Date() ? pass : null;
}
function keepPass(eventId, place) {
  sessionStorage.setItem(PASSES, JSON.stringify({ ...passes(), [eventId]: place }));
}

function requireLogin(back) {
  if (currentSession()) return true;
  sessionStorage.setItem('boxoffice.after-login', back);
  flash(t('needLogin'));
  go('/login');
  return false;
}

// ---------- events list ----------
export async function eventsPage(query) {
  const q = query.get('q') || '';
  const city = query.get('city') || '';
  const results = h('div', { class: 'cards', 'aria-live': 'polite' });
  const form = h('form', { class: 'search', role: 'search', onsubmit: e => {
    e.preventDefault();
    const data = formData(form);
    const params = new URLSearchParams(Object.entries(data).filter(([, v]) => v));
    go(`/${params.size ? `?${params}` : ''}`.replace('/?', '/?'));
  } },
  field(t('search'), { name: 'q', type: 'search', value: q, placeholder: t('searchPlaceholder') }),
  field(t('city'), { name: 'city', type: 'search', value: city }),
  h('button', { type: 'submit' }, t('search')));
  render(t('events'), form, results);
  const params = new URLSearchParams({ size: '50' });
  if (q) params.set('q', q);
  if (city) params.set('city', city);
  const page = await api('GET', `/api/v1/events?${params}`, { auth: false });
  if (!page.items.length) fill(results, h('p', {}, t('noEvents')));
  else fill(results, ...page.items.map(eventCard));
}

function eventCard(event) {
  const prices = event.sections.filter(x => x.priceMinor != null).map(x => x.priceMinor);
  const from = prices.length ? money(Math.min(...prices), event.currency) : '';
  return h('article', { class: 'card' },
    eventImage(event, 'card-image', '(max-width: 40rem) 100vw, 20rem'),
    h('h2', {}, h('a', { href: `#/events/${event.id}` }, event.title)),
    h('p', { class: 'muted' }, dateTime(event.startsAt)),
    h('p', {}, from ? `${t('price')}: ${from}+` : '', ' ', event.status !== 'PUBLISHED' ? h('span', { class: 'badge' }, event.status) : null));
}

// ---------- event page: seat map, best available, general admission ----------
export async function eventPage(eventId, query) {
  const event = await api('GET', `/api/v1/events/${eventId}`, { auth: false });
  const invited = await invitedSection(eventId, event, query);
  if (invited) event.sections.push(invited);
  const access = accessCodeField(event, query);
  const slot = h('div', { class: 'slot' });
  const overview = h('div', { class: 'overview' });
  const detail = h('section', { class: 'detail', 'aria-live': 'polite' });
  const state = { event, selected: new Map(), section: null, availability: new Map(), seats: [] };

  const tiers = h('table', { class: 'tiers' },
    h('caption', {}, t('priceTiers')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('section')), h('th', { scope: 'col' }, t('tier')),
      h('th', { scope: 'col' }, t('price')), h('th', { scope: 'col' }, t('status')))),
    h('tbody', {}, event.sections.map(x => h('tr', {},
      h('th', { scope: 'row' }, x.name), h('td', {}, x.tier || ''),
      h('td', {}, x.priceMinor != null ? money(x.priceMinor, event.currency) : '—'),
      h('td', { 'data-availability': x.sectionId }, '')))));

  render(event.title,
    h('p', { class: 'muted' }, `${t('startsAt')}: ${dateTime(event.startsAt)} · ${t('onSaleAt')}: ${dateTime(event.onSaleAt)}`),
    eventImage(event, 'event-image', '(max-width: 60rem) 100vw, 60rem'),
    event.description ? h('p', {}, event.description) : null,
    event.status !== 'PUBLISHED' ? h('p', { class: 'badge' }, event.status) : null,
    access.element, slot, h('div', { class: 'event-layout' }, h('div', {}, overview, detail), tiers));

  async function refreshAvailability() {
    try {
      const availability = await api('GET', `/api/v1/events/${eventId}/availability`, { auth: false });
      availability.sections.forEach(a => state.availability.set(a.sectionId, a));
      tiers.querySelectorAll('[data-availability]').forEach(td => {
        const a = state.availability.get(td.dataset.availability);
        td.textContent = a ? t('available', { n: a.available, c: a.capacity }) : '';
      });
      drawOverview();
      if (state.section?.kind === 'SEATED') await loadSeats();
    } catch { /* shown on the next action */ }
  }

  function drawOverview() {
    const sections = event.sections;
    const signature = JSON.stringify([state.section?.sectionId, ...sections.map(x => state.availability.get(x.sectionId)?.available)]);
    if (signature === state.overviewSignature) return;
    state.overviewSignature = signature;
    const cols = Math.min(3, sections.length) || 1;
    const w = 200, gap = 12, hgt = 70;
    const rows = Math.ceil(sections.length / cols);
    const svg = s('svg', { viewBox: `0 0 ${cols * (w + gap) - gap} ${rows * (hgt + gap) + 40}`, class: 'overview-map',
      role: 'group', 'aria-label': t('seatMap') },
    s('rect', { x: 0, y: 0, width: cols * (w + gap) - gap, height: 28, rx: 4, class: 'stage' }),
    s('text', { x: (cols * (w + gap) - gap) / 2, y: 19, 'text-anchor': 'middle', class: 'stage-label' }, 'STAGE'));
    sections.forEach((x, i) => {
      const a = state.availability.get(x.sectionId);
      const ratio = a && a.capacity ? a.available / a.capacity : 1;
      const X = (i % cols) * (w + gap), Y = 40 + Math.floor(i / cols) * (hgt + gap);
      const label = `${x.name}: ${a ? t('available', { n: a.available, c: a.capacity }) : ''}${x.priceMinor != null ? `, ${money(x.priceMinor, event.currency)}` : ''}`;
      const g = s('g', { class: `section-block${state.section?.sectionId === x.sectionId ? ' current' : ''}${ratio === 0 ? ' sold-out' : ''}`,
        role: 'button', tabindex: 0, 'aria-label': label, 'aria-pressed': String(state.section?.sectionId === x.sectionId),
        'data-section': x.code,
        onclick: () => chooseSection(x), onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); chooseSection(x); } } },
      s('rect', { x: X, y: Y, width: w, height: hgt, rx: 6 }),
      s('rect', { x: X, y: Y + hgt - 8, width: w * ratio, height: 8, class: 'fill' }),
      s('text', { x: X + w / 2, y: Y + 28, 'text-anchor': 'middle' }, x.name),
      // The words of the accessible name, not "12/40", and no <title> tooltip (axe counts it as visible text):
      // speech users say what they see (WCAG 2.5.3).
      s('text', { x: X + w / 2, y: Y + 48, 'text-anchor': 'middle', class: 'small' },
        a ? t('available', { n: a.available, c: a.capacity }) : ''));
      svg.append(g);
    });
    fill(overview, svg);
  }

  async function chooseSection(section) {
    state.section = section;
    state.signature = null;
    state.seats = [];
    state.selected.clear();
    drawOverview();
    if (section.kind === 'SEATED') {
      await loadSeats();
    } else {
      drawGeneralAdmission();
    }
  }

  async function loadSeats() {
    const sectionId = state.section.sectionId;
    const answer = await api('GET', `/api/v1/events/${eventId}/sections/${sectionId}/seats`, { auth: false });
    if (state.section?.sectionId !== sectionId) return;
    // Redraw only when availability changed, so a poll never steals the keyboard focus from a seat.
    const signature = answer.seats.map(x => (x.available ? '1' : '0')).join('');
    if (signature === state.signature && state.seats.length) return;
    state.signature = signature;
    state.seats = answer.seats;
    for (const id of [...state.selected.keys()]) {
      if (!answer.seats.find(x => x.seatId === id)?.available) state.selected.delete(id);
    }
    drawSeats();
  }

  function drawSeats() {
    const section = state.section;
    const byRow = new Map();
    state.seats.forEach(seat => { if (!byRow.has(seat.row)) byRow.set(seat.row, []); byRow.get(seat.row).push(seat); });
    const rows = [...byRow.keys()].sort((a, b) => a.length - b.length || a.localeCompare(b));
    const maxSeats = Math.max(1, ...[...byRow.values()].map(r => Math.max(...r.map(x => x.number))));
    const pitch = 22, left = 28;
    const svg = s('svg', { viewBox: `0 0 ${left + maxSeats * pitch + 8} ${rows.length * pitch + 8}`, class: 'seat-map',
      role: 'group', 'aria-label': `${t('pickSeats')}: ${section.name}` });
    // At least 26 px per seat, so a seat stays a usable touch target on a phone: a wide section scrolls in its box.
    svg.style.minWidth = `${Math.round((left + maxSeats * pitch + 8) * 26 / pitch)}px`;
    rows.forEach((row, r) => {
      const y = 4 + r * pitch + pitch / 2;
      svg.append(s('text', { x: 4, y: y + 4, class: 'row-label', 'aria-hidden': 'true' }, row));
      byRow.get(row).sort((a, b) => a.number - b.number).forEach(seat => {
        const chosen = state.selected.has(seat.seatId);
        const label = seatName(seat);
        const toggle = () => {
          if (!seat.available) return;
          if (chosen) state.selected.delete(seat.seatId); else state.selected.set(seat.seatId, seat);
          drawSeats();
          svg.ownerDocument.querySelector(`[data-seat="${seat.seatId}"]`)?.focus();
        };
        svg.append(s('circle', {
          cx: left + (seat.number - 1) * pitch + pitch / 2, cy: y, r: 8,
          class: `seat${seat.available ? ' free' : ' taken'}${chosen ? ' chosen' : ''}${seatFlagClasses(seat)}`,
          role: 'checkbox', 'aria-checked': String(chosen), 'aria-disabled': String(!seat.available),
          'aria-label': label, tabindex: seat.available ? 0 : undefined, 'data-seat': seat.seatId,
          'data-row': seat.row, 'data-number': seat.number,
          onclick: toggle, onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); } },
        }, s('title', {}, label)));
      });
    });
    const chosen = [...state.selected.values()];
    const total = chosen.length * (section.priceMinor || 0);
    const best = h('form', { class: 'inline', onsubmit: e => { e.preventDefault(); hold({ bestAvailable: { sectionId: section.sectionId, quantity: Number(formData(best).quantity) } }, best); } },
      field(t('quantity'), { name: 'quantity', type: 'number', min: 1, max: event.maxTicketsPerOrder, value: 2, required: true }),
      h('button', { type: 'submit', id: 'hold-best' }, t('holdBest')));
    fill(detail, 
      h('h2', {}, `${section.name}${section.priceMinor != null ? ` · ${money(section.priceMinor, event.currency)}` : ''}`),
      legend(),
      h('div', { class: 'map-scroll' }, svg),
      h('p', { 'aria-live': 'polite', id: 'selection' }, chosen.length
        ? `${t('selected', { seats: chosen.map(x => `${x.row}-${x.number}`).join(', ') })}${section.priceMinor != null ? ` · ${t('total')}: ${money(total, event.currency)}` : ''}`
        : t('noneSelected')),
      h('button', { type: 'button', id: 'hold-selected', disabled: !chosen.length,
        onclick: e => hold({ seatIds: chosen.map(x => x.seatId) }, e.target.parentElement) }, t('holdSelected')),
      h('h3', {}, t('bestAvailable')), best,
      waitingListJoin(event, section, state.availability.get(section.sectionId)));
  }

  function drawGeneralAdmission() {
    const section = state.section;
    const a = state.availability.get(section.sectionId);
    const form = h('form', { class: 'inline', onsubmit: e => { e.preventDefault(); hold({ generalAdmission: { sectionId: section.sectionId, quantity: Number(formData(form).quantity) } }, form); } },
      field(t('quantity'), { name: 'quantity', type: 'number', min: 1, max: event.maxTicketsPerOrder, value: 1, required: true }),
      h('button', { type: 'submit', id: 'hold-ga' }, t('holdGa')));
    fill(detail, h('h2', {}, `${section.name} · ${t('generalAdmission')}`),
      h('p', {}, a ? t('available', { n: a.available, c: a.capacity }) : '',
        section.priceMinor != null ? ` · ${money(section.priceMinor, event.currency)}` : ''), form,
      waitingListJoin(event, section, a));
  }

  async function hold(request, form) {
    if (!requireLogin(`/events/${eventId}`)) return;
    const pass = passFor(eventId);
    const hold = await act(slot, form, () => access.send(async accessCode => {
      try {
        return await api('POST', '/api/v1/holds', { body: { eventId, ...request, accessCode },
          headers: pass ? { [pass.passHeader || 'X-Waiting-Room-Pass']: pass.pass } : {} });
      } catch (e) {
        if (e instanceof Problem && e.slug === 'waiting-room-pass-required') { go(`/events/${eventId}/queue`); return undefined; }
        if (e instanceof Problem && e.slug === 'seats-unavailable') refreshAvailability();
        throw e;
      }
    }));
    if (hold) go(`/holds/${hold.id}`);
  }

  drawOverview();
  await refreshAvailability();
  const first = invited || event.sections.find(x => x.kind === 'SEATED') || event.sections[0];
  if (first && !state.section) await chooseSection(first); // unless the buyer already picked one meanwhile
  every(5000, refreshAvailability);
}

function legend() {
  return h('ul', { class: 'legend', 'aria-hidden': 'true' },
    h('li', {}, h('span', { class: 'dot free' }), t('legendFree')),
    h('li', {}, h('span', { class: 'dot taken' }), t('legendTaken')),
    h('li', {}, h('span', { class: 'dot chosen' }), t('legendSelected')),
    h('li', {}, h('span', { class: 'dot accessible' }), t('legendAccessible')),
    h('li', {}, h('span', { class: 'dot restricted' }), t('legendRestricted')));
}

/** A seat's accessible name: its row and number, and its flags (accessible, restricted view) in words. */
function seatName(seat) {
  const flags = [seat.accessible ? t('legendAccessible') : null, seat.restrictedView ? t('legendRestricted') : null].filter(Boolean);
  return t('seatLabel', { row: seat.row, number: seat.number }) + (flags.length ? ` (${flags.join(', ')})` : '');
}

/** The seat map's classes for a seat's flags: a colour for accessible seats, a dashed ring for a restricted view. */
function seatFlagClasses(seat) {
  return `${seat.accessible ? ' accessible' : ''}${seat.restrictedView ? ' restricted' : ''}`;
}

// ---------- sold-out waiting list (docs/commerce.md) ----------
/** Under a sold-out section: join its waiting list for a quantity (the organizer may not have turned it on). */
function waitingListJoin(event, section, availability) {
  if (!availability || availability.available > 0 || event.status !== 'PUBLISHED') return null;
  const slot = h('div');
  const form = h('form', { class: 'inline', id: 'waiting-list-join', onsubmit: async e => {
    e.preventDefault();
    if (!requireLogin(`/events/${event.id}`)) return;
    const body = { eventId: event.id, sectionId: section.sectionId, quantity: Number(formData(form).quantity) };
    if (await act(slot, form, () => api('POST', '/api/v1/waiting-lists', { body }))) go('/waiting-lists');
  } },
  field(t('quantity'), { name: 'quantity', type: 'number', min: 1, max: event.maxTicketsPerOrder, value: 1, required: true }),
  h('button', { type: 'submit' }, t('joinWaitingList')));
  return h('section', { class: 'waiting-list' }, h('h3', {}, t('soldOut')), h('p', {}, t('waitingListIntro')), form, slot);
}

export async function waitingListsPage() {
  const list = h('div', { 'aria-live': 'polite', id: 'waiting-lists' });
  const slot = h('div');
  render(t('waitingLists'), h('p', { class: 'muted' }, t('waitingListsIntro')), slot, list);
  const events = new Map();
  const eventOf = async id => {
    if (!events.has(id)) events.set(id, await api('GET', `/api/v1/events/${id}`, { auth: false }).catch(() => null));
    return events.get(id);
  };
  const load = async () => {
    const answer = await api('GET', '/api/v1/waiting-lists');
    const rows = [];
    for (const entry of answer.items) rows.push(await entryRow(entry, await eventOf(entry.eventId)));
    fill(list, rows.length ? h('ul', { class: 'waiting-list-entries' }, rows) : h('p', {}, t('noWaitingLists')));
  };
  const entryRow = async (entry, event) => {
    const section = event?.sections.find(x => x.sectionId === entry.sectionId);
    const offer = entry.offer;
    const open = entry.status === 'OFFERED' && offer?.status === 'OPEN' && offer.remainingSeconds > 0;
    const timer = h('span', { class: 'countdown', role: 'timer' });
    if (open) countdown(timer, offer.remainingSeconds, time => t('offerExpiresIn', { time }), () => load());
    const actions = h('div', { class: 'actions' },
      open ? h('button', { type: 'button', class: 'claim-offer', onclick: async () => {
        const hold = await act(slot, actions, () => api('POST', `/api/v1/waiting-lists/${entry.id}/claim`));
        if (hold) go(`/holds/${hold.id}`);
      } }, t('claimOffer', { n: offer.quantity })) : null,
      ['WAITING', 'OFFERED'].includes(entry.status) ? h('button', { type: 'button', class: 'secondary', onclick: async () => {
        if (await act(slot, actions, () => api('DELETE', `/api/v1/waiting-lists/${entry.id}`))) load();
      } }, t('leaveWaitingList')) : null);
    return h('li', { 'data-entry': entry.id, 'data-status': entry.status },
      h('strong', {}, event ? h('a', { href: `#/events/${entry.eventId}` }, event.title) : entry.eventId),
      ` · ${section?.name || ''} · ${entry.quantity}× · `,
      entry.status === 'WAITING' ? t('waitingPosition', { n: entry.position }) : t(`entry${entry.status}`),
      open ? h('p', {}, t('offerReady', { n: offer.quantity }), ' ', timer) : null, actions);
  };
  await load();
  every(10000, () => load().catch(() => {}));
}

// ---------- waiting room ----------
export async function queuePage(eventId) {
  if (!requireLogin(`/events/${eventId}/queue`)) return;
  const event = await api('GET', `/api/v1/events/${eventId}`, { auth: false });
  const status = h('div', { class: 'queue', 'aria-live': 'polite' });
  const slot = h('div');
  render(`${t('queueTitle')}: ${event.title}`, h('p', {}, t('queueIntro')), status, slot,
    h('button', { type: 'button', class: 'secondary', onclick: async () => {
      await act(slot, null, () => api('DELETE', `/api/v1/waiting-room/events/${eventId}`));
      go(`/events/${eventId}`);
    } }, t('queueLeave')));
  const show = place => {
    if (place.status === 'ADMITTED') {
      keepPass(eventId, place);
      fill(status, h('p', { class: 'flash ok' }, t('queueAdmitted')));
      later(800, () => go(`/events/${eventId}`));
      return;
    }
    const stat = (label, value) => h('div', { class: 'stat' }, h('span', {}, label), h('strong', {}, value));
    fill(status, 
      place.status === 'EARLY' ? h('p', {}, t('queueEarly', { at: dateTime(place.drawAt || event.onSaleAt) })) : null,
      place.paused ? h('p', {}, t('queuePaused')) : null,
      h('div', { class: 'stats' },
        place.position != null ? stat(t('queuePosition'), place.position) : null,
        place.waiting != null ? stat(t('queueWaiting'), place.waiting) : null,
        place.estimatedWaitSeconds != null ? stat(t('queueEta'), duration(place.estimatedWaitSeconds)) : null),
      h('progress', { max: Math.max(place.waiting || 1, place.position || 1), value: Math.max(0, (place.waiting || 0) - (place.position || 0)), 'aria-label': t('queuePosition') }));
    later(Math.max(1, place.pollAfterSeconds || 2) * 1000, poll);
  };
  const poll = () => act(slot, null, async () => {
    try {
      show(await api('GET', `/api/v1/waiting-room/events/${eventId}`));
    } catch (e) {
      if (e.slug === 'waiting-room-place-not-found') { show(await api('POST', `/api/v1/waiting-room/events/${eventId}`)); return; }
      later((e.retryAfter || 5) * 1000, poll);
      throw e;
    }
  });
  await act(slot, null, async () => {
    try {
      show(await api('POST', `/api/v1/waiting-room/events/${eventId}`));
    } catch (e) {
      if (e.slug === 'waiting-room-not-found') { go(`/events/${eventId}`); return; }
      throw e;
    }
  });
}

// ---------- hold with countdown ----------
async function seatNames(eventId, items) {
  const names = new Map();
  for (const sectionId of new Set(items.filter(i => i.seatId).map(i => i.sectionId))) {
    const answer = await api('GET', `/api/v1/events/${eventId}/sections/${sectionId}/seats`, { auth: false });
    answer.seats.forEach(x => names.set(x.seatId, `${t('row')} ${x.row}, ${t('seat')} ${x.number}`));
  }
  return names;
}

function countdown(el, seconds, textFor, onEnd) {
  const end = Date.now() + seconds * 1000;
  const tick = () => {
    if (el.dataset.stopped) return false;
    const left = Math.max(0, (end - Date.now()) / 1000);
    el.textContent = textFor(duration(left));
    el.classList.toggle('urgent', left < 60);
    if (left <= 0) { onEnd?.(); return false; }
    return true;
  };
  delete el.dataset.stopped;
  if (tick()) { const id = every(1000, () => { if (!tick()) clearInterval(id); }); }
}

export async function holdPage(holdId) {
  const held = await api('GET', `/api/v1/holds/${holdId}`);
  const event = await api('GET', `/api/v1/events/${held.eventId}`, { auth: false });
  const names = await seatNames(held.eventId, held.items);
  const price = id => event.sections.find(x => x.sectionId === id);
  const slot = h('div');
  const timer = h('p', { class: 'countdown', role: 'timer', 'aria-live': 'off', id: 'hold-countdown' });
  const total = held.items.reduce((sum, i) => sum + (price(i.sectionId)?.priceMinor || 0) * i.quantity, 0);
  const active = held.status === 'ACTIVE' && held.remainingSeconds > 0;
  const questions = await checkoutQuestions(held.eventId, held.items.reduce((n, i) => n + i.quantity, 0));
  const promo = promoCodeField();
  const buttons = h('div', { class: 'actions' },
    h('button', { type: 'button', id: 'checkout', disabled: !active, onclick: async () => {
      const order = await act(slot, buttons, () => promo.send(promoCode =>
        api('POST', '/api/v1/orders', { body: { holdId, promoCode, answers: questions.answers() } })));
      if (order) go(`/orders/${order.id}`);
    } }, t('checkout')),
    h('button', { type: 'button', class: 'secondary', disabled: !active, onclick: async () => {
      await act(slot, buttons, () => api('DELETE', `/api/v1/holds/${holdId}`));
      go(`/events/${held.eventId}`);
    } }, t('release')));
  render(t('yourHold'), h('p', {}, event.title, ' · ', dateTime(event.startsAt)), timer,
    h('ul', { class: 'lines' }, held.items.map(i => h('li', {},
      `${price(i.sectionId)?.name || t('invitedSection')} · ${i.seatId ? names.get(i.seatId) || '' : `${i.quantity} ×`}`,
      h('span', {}, price(i.sectionId) ? money(price(i.sectionId).priceMinor * i.quantity, event.currency) : '')))),
    // A hidden tier's price is not listed to buyers: the order shows it.
    held.items.every(i => price(i.sectionId)) ? h('p', { class: 'total' }, `${t('total')}: ${money(total, event.currency)}`) : null,
    h('p', { class: 'muted' }, t('totalAtCheckout')), questions.element, active ? promo.element : null, slot, buttons);
  if (active) {
    countdown(timer, held.remainingSeconds, time => t('expiresIn', { time }), () => {
      timer.textContent = t('holdExpired');
      buttons.querySelectorAll('button').forEach(b => { b.disabled = true; });
    });
  } else {
    timer.textContent = held.status === 'CHECKED_OUT' ? held.status : t('holdExpired');
  }
}

// ---------- order: payment, the saga, tickets ----------
const CARDS = [
  ['4242424242424242', 'cardApproved'], ['4000000000000002', 'cardDeclined'], ['4000000000000077', 'cardSlow'],
  ['4000000000000259', 'cardTwice'], ['4000000000000341', 'cardOutOfOrder'],
];

export async function orderPage(orderId) {
  let order = await api('GET', `/api/v1/orders/${orderId}`);
  const event = await api('GET', `/api/v1/events/${order.eventId}`, { auth: false });
  const statusEl = h('p', { class: 'status', 'aria-live': 'polite', id: 'order-status' });
  const timer = h('p', { class: 'countdown', role: 'timer' });
  const slot = h('div');
  const body = h('div');
  const invoices = h('div');
  const showInvoices = async () => fill(invoices, await invoiceLinks(`/api/v1/orders/${orderId}/invoices`, order.status));
  render(`${t('order')} · ${event.title}`,
    h('p', { class: 'muted' }, dateTime(event.startsAt)), statusEl, timer,
    orderSummary(order), answersList(order.answers), invoices, slot, body);

  const showStatus = () => { statusEl.textContent = `${t('status')}: ${order.status}`; statusEl.dataset.status = order.status; };
  showStatus();

  async function follow(paymentId) {
    timer.dataset.stopped = 'true';
    fill(timer);
    fill(body, h('p', { class: 'busy' }, t('paying')));
    const poll = async () => {
      try {
        const [payment, current] = await Promise.all([
          paymentId ? api('GET', `/api/v1/payments/${paymentId}`) : null, api('GET', `/api/v1/orders/${orderId}`)]);
        order = current;
        showStatus();
        if (order.status === 'CONFIRMED') return showTickets();
  if (['FAILED', 'EXPIRED', 'CANCELLED'].includes(order.status)) {
    fill(body, h('p', {}, h('a', { href: `#/events/${order.eventId}`, id: 'choose-again' }, t('chooseAgain'))));
  }
        if (payment?.status === 'FAILED') {
          // booking fails the order when it hears of the declined payment; give it a moment to say so.
          for (let i = 0; i < 4 && order.status === 'PENDING_PAYMENT'; i++) {
            await new Promise(resolve => setTimeout(resolve, 700));
            order = await api('GET', `/api/v1/orders/${orderId}`);
          }
          showStatus();
          const pending = order.status === 'PENDING_PAYMENT';
          fill(slot, h('div', { class: 'problem', role: 'alert', 'data-problem-type': 'payment-failed' },
            h('strong', {}, t(pending ? 'paymentFailed' : 'paymentFailedOrder', { reason: payment.failureReason || 'declined' })),
            pending ? null : h('p', {}, h('a', { href: `#/events/${order.eventId}`, id: 'choose-again' }, t('chooseAgain')))));
          return pending ? payForm() : fill(body);
        }
        if (order.status !== 'PENDING_PAYMENT') return fill(body);
        if (payment?.status === 'SUCCEEDED') fill(body, h('p', { class: 'busy' }, t('confirming')));
        later(1000, poll);
      } catch (e) {
        fill(slot, problemBox(e));
        later(3000, poll);
      }
    };
    await poll();
  }

  function payForm() {
    timer.dataset.stopped = 'true';
    fill(timer);
    const seconds = (new Date(order.paymentDue) - Date.now()) / 1000;
    if (seconds > 0) countdown(timer, seconds, time => t('payBy', { time }));
    const year = new Date().getFullYear() + 3;
    const form = h('form', { class: 'pay', id: 'pay-form', onsubmit: async e => {
      e.preventDefault();
      const data = formData(form);
      const payment = await act(slot, form, async () => {
        const token = await api('POST', '/sandbox/v1/tokens', { auth: false, body: {
          number: data.number.replace(/\s+/g, ''), expMonth: Number(data.expMonth), expYear: Number(data.expYear), cvc: data.cvc } });
        return api('POST', '/api/v1/payments', { body: { orderId, paymentMethod: token.id } });
      });
      if (payment) follow(payment.id);
    } },
    h('h2', {}, t('payment')),
    field(t('cardNumber'), { name: 'number', inputmode: 'numeric', autocomplete: 'cc-number', required: true, value: CARDS[0][0], id: 'card-number' }),
    h('div', { class: 'row3' },
      field(t('expMonth'), { name: 'expMonth', type: 'number', min: 1, max: 12, value: 12, required: true, autocomplete: 'cc-exp-month' }),
      field(t('expYear'), { name: 'expYear', type: 'number', min: 2000, max: 2100, value: year, required: true, autocomplete: 'cc-exp-year' }),
      field(t('cvc'), { name: 'cvc', inputmode: 'numeric', value: '123', required: true, autocomplete: 'cc-csc' })),
    h('details', { class: 'cards-help' }, h('summary', {}, t('sandboxCards')),
      h('ul', {}, CARDS.map(([number, label]) => h('li', {}, h('button', { type: 'button', class: 'link',
        onclick: () => { form.elements.number.value = number; form.elements.number.focus(); } }, number), ` — ${t(label)}`)))),
    h('button', { type: 'submit', id: 'pay' }, t('pay', { amount: money(order.totalMinor, order.currency) })));
    fill(body, form);
  }

  async function showTickets() {
    timer.dataset.stopped = 'true';
    fill(timer);
    const [tickets] = await Promise.all([api('GET', `/api/v1/tickets?orderId=${orderId}`), showInvoices()]);
    fill(body, h('h2', {}, t('tickets')), h('p', { class: 'muted' }, t('pdfByMail')), ticketPdfSlot,
      h('div', { class: 'tickets' }, tickets.filter(ticket => !ticket.transferredAt).map(ticket => h('article', { class: 'ticket', 'data-code': ticket.code },
        ticket.qrPayload ? h('div', { class: 'qr' }, qrSvg(ticket.qrPayload, `${t('ticketCode')} ${ticket.code}`)) : null,
        h('div', {},
          h('h3', {}, ticket.sectionName, ticket.row ? ` · ${t('row')} ${ticket.row}, ${t('seat')} ${ticket.seat}` : ''),
          h('p', {}, ticket.tierName, ' · ', money(ticket.priceMinor, ticket.currency)),
          ticket.code ? h('p', {}, `${t('ticketCode')}: `, h('code', { class: 'ticket-code' }, ticket.code)) : null,
          ticket.checkedInAt ? h('p', { class: 'badge' }, t('checkedIn', { at: dateTime(ticket.checkedInAt) })) : null,
          ticket.status !== 'VALID' ? h('p', { class: 'badge' }, ticket.status)
            : ticket.qrPayload ? pdfButton(ticket, ticketPdfSlot) : null,
          transferControl(ticket, showTickets))))));
  }
  const ticketPdfSlot = h('div');

  if (order.status === 'CONFIRMED') return showTickets();
  if (['FAILED', 'EXPIRED', 'CANCELLED'].includes(order.status)) {
    fill(body, h('p', {}, h('a', { href: `#/events/${order.eventId}`, id: 'choose-again' }, t('chooseAgain'))));
  }
  if (order.status !== 'PENDING_PAYMENT') await showInvoices();
  if (order.status === 'PENDING_PAYMENT') {
    const payments = await api('GET', `/api/v1/payments?orderId=${orderId}`).catch(() => []);
    const running = (Array.isArray(payments) ? payments : payments?.items || []).find(p => p.status === 'PROCESSING' || p.status === 'SUCCEEDED');
    return running ? follow(running.id) : payForm();
  }
}

export async function ordersPage() {
  const page = await api('GET', '/api/v1/orders?size=50');
  render(t('orders'), page.items.length ? h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('order')), h('th', { scope: 'col' }, t('status')), h('th', { scope: 'col' }, t('total')))),
    h('tbody', {}, page.items.map(o => h('tr', {},
      h('td', {}, h('a', { href: `#/orders/${o.id}` }, dateTime(o.createdAt))), h('td', {}, o.status),
      h('td', {}, money(o.totalMinor, o.currency)))))) : h('p', {}, t('noOrders')));
}

// ---------- account ----------
function afterLogin() {
  const next = sessionStorage.getItem('boxoffice.after-login') || '/';
  sessionStorage.removeItem('boxoffice.after-login');
  go(next);
}

export function loginPage() {
  const slot = h('div');
  const form = h('form', { class: 'narrow', id: 'login-form', onsubmit: async e => {
    e.preventDefault();
    const data = formData(form);
    if (await act(slot, form, () => login(data.email, data.password))) afterLogin();
  } },
  field(t('email'), { name: 'email', type: 'email', autocomplete: 'username', required: true, id: 'login-email' }),
  field(t('password'), { name: 'password', type: 'password', autocomplete: 'current-password', required: true, id: 'login-password' }),
  slot, h('button', { type: 'submit', id: 'login-submit' }, t('login')));
  render(t('login'), form, h('p', {}, t('noAccount'), ' ', h('a', { href: '#/register' }, t('register'))));
}

export function registerPage() {
  const slot = h('div');
  const form = h('form', { class: 'narrow', onsubmit: async e => {
    e.preventDefault();
    const data = formData(form);
    if (await act(slot, form, () => register(data.email, data.password, data.displayName))) afterLogin();
  } },
  field(t('email'), { name: 'email', type: 'email', autocomplete: 'username', required: true, id: 'register-email' }),
  field(t('password'), { name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: 12, id: 'register-password' }, t('passwordHint')),
  field(t('displayName'), { name: 'displayName', autocomplete: 'name', id: 'register-name' }),
  slot, h('button', { type: 'submit', id: 'register-submit' }, t('register')));
  render(t('register'), form, h('p', {}, t('haveAccount'), ' ', h('a', { href: '#/login' }, t('login'))));
}

export async function accountPage() {
  const [me, verification] = await Promise.all([api('GET', '/api/v1/users/me'),
    api('GET', '/api/v1/users/me/email-verification').catch(() => null)]);
  const slot = h('div');
  const confirm = h('form', { class: 'inline', hidden: true, onsubmit: async e => {
    e.preventDefault();
    const { code } = formData(confirm);
    if (await act(slot, confirm, () => api('POST', '/api/v1/users/me/email-verification/confirm', { body: { code } }))) {
      flash(t('emailVerified'), 'ok');
      accountPage();
    }
  } }, field(t('verificationCode'), { name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, id: 'verification-code' }),
  h('button', { type: 'submit' }, t('confirmEmail')));
  const send = h('button', { type: 'button', class: 'secondary', id: 'send-code', onclick: async () => {
    const sent = await act(slot, null, () => api('POST', '/api/v1/users/me/email-verification'));
    if (sent) { flash(t('codeSent', { email: sent.email }), 'ok'); confirm.hidden = false; confirm.querySelector('input').focus(); }
  } }, t('sendCode'));
  render(t('account'), h('p', {}, t('loggedInAs', { email: me.email })),
    h('p', { class: 'muted' }, me.roles.join(', ')),
    verification && !verification.verified
      ? h('section', {}, h('h2', {}, t('emailVerification')), h('p', {}, t('emailNotVerified')), send, confirm, slot)
      : verification ? h('p', {}, `✓ ${t('emailVerified')}`) : null,
    h('p', {}, h('button', { type: 'button', onclick: async () => { await logout(); go('/'); } }, t('logout'))));
}

// ---------- event images and ticket PDFs ----------
/**
 * The event's image (its own or its venue's) in every stored width, or nothing when it has none. Its alt is the
 * organizer's description of the picture; without one the image is decoration (alt="": the title says the rest).
 */
function eventImage(event, className, sizes) {
  const image = event.image;
  if (!image) return null;
  return h('img', { class: className, src: image.url, alt: image.description || '', loading: 'lazy', decoding: 'async',
    width: image.width, height: image.height, sizes,
    srcset: image.variants.map(v => `${v.url} ${v.width}w`).join(', ') });
}

/** Downloads a ticket's PDF: a short-lived signed link first, then the PDF itself with the buyer's token. */
function pdfButton(ticket, slot) {
  return h('p', {}, h('button', { type: 'button', class: 'secondary', 'data-ticket-pdf': ticket.id, onclick: async e => {
    fill(slot);
    e.target.disabled = true;
    try {
      const link = await api('GET', `/api/v1/tickets/${ticket.id}/pdf-link`);
      const pdf = await apiBytes('GET', link.url, { accept: 'application/pdf, application/problem+json' });
      const url = URL.createObjectURL(pdf);
      const a = h('a', { href: url, download: `ticket-${ticket.code}.pdf` });
      document.body.append(a);
      a.click();
      a.remove();
      later(60_000, () => URL.revokeObjectURL(url));
    } catch (error) {
      fill(slot, problemBox(error));
    } finally {
      e.target.disabled = false;
    }
  } }, t('downloadPdf')));
}
