// Codes, taxes and fees, invoices (issue #22, docs/commerce.md): the buyer's access code (pre-sale, hidden tiers)
// and promo code, the order's lines with discount, fee and tax, the invoice and credit notes; the organizer's codes,
// the event's tax and fee, and an order's invoices.
import { t, money, dateTime, minorDigits, locale } from './i18n.js';
import { h, fill, flash, act, field, formData, problemBox } from './ui.js';
import { api, apiBytes } from './api.js';

const toMinor = (value, currency) => Math.round(Number(value) * 10 ** minorDigits(currency));
const fromMinor = (minor, currency) => minor / 10 ** minorDigits(currency);
const percent = basisPoints => `${(basisPoints / 100).toLocaleString(locale, { maximumFractionDigits: 2 })} %`;
const CODE_PROBLEMS = ['unknown-code', 'code-not-yet-valid', 'code-expired', 'code-disabled', 'code-not-applicable',
  'code-exhausted', 'code-limit-reached'];

/** Marks a code field invalid when the API refused its code; the problem itself is shown by act() in the slot. */
function judged(input, error) {
  if (CODE_PROBLEMS.includes(error?.slug)) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  } else {
    input.removeAttribute('aria-invalid');
  }
  throw error;
}

// ---------- buyer: the access code on the event page ----------

/**
 * The event page's access code: sent with every hold (`accessCode`), for the pre-sale before the sale opens and for
 * hidden tiers. An invitation link fills it in (`#/events/{id}?code=FANCLUB`). `send(fn)` runs a hold with it.
 */
export function accessCodeField(event, query) {
  const code = (query?.get('code') || '').trim();
  const presale = new Date(event.onSaleAt) > new Date();
  const control = field(t('accessCode'), { name: 'accessCode', id: 'access-code', value: code, maxlength: 40,
    autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' }, presale ? t('accessCodePresale') : t('accessCodeHint'));
  const input = control.querySelector('input');
  const element = h('details', { class: 'code-box', id: 'access-code-box', open: code || presale ? true : undefined },
    h('summary', {}, t('haveAccessCode')), control);
  return {
    element,
    value: () => input.value.trim() || undefined,
    send: fn => fn(input.value.trim() || undefined).catch(e => judged(input, e)),
  };
}

/**
 * A hidden tier's section, named by the invitation link (`?section=…`): not in the event's listing, but its seat map
 * is readable by id. Without seats it is an area, held by quantity. Its name and price show on the hold.
 */
export async function invitedSection(eventId, event, query) {
  const sectionId = query?.get('section');
  if (!sectionId || event.sections.some(x => x.sectionId === sectionId)) return null;
  const answer = await api('GET', `/api/v1/events/${eventId}/sections/${sectionId}/seats`, { auth: false }).catch(() => null);
  if (!answer) return null;
  return { sectionId, code: 'INVITED', name: t('invitedSection'), kind: answer.seats.length ? 'SEATED' : 'GENERAL_ADMISSION',
    priceMinor: null, tier: '', invited: true };
}

// ---------- buyer: the promo code at checkout ----------

/** The hold page's promo code, sent with the checkout (`promoCode`); a refused code marks the field. */
export function promoCodeField() {
  const control = field(t('promoCode'), { name: 'promoCode', id: 'promo-code', maxlength: 40, autocomplete: 'off',
    autocapitalize: 'characters', spellcheck: 'false' }, t('promoCodeHint'));
  const input = control.querySelector('input');
  return {
    element: h('div', { class: 'code-box', id: 'promo-code-box' }, control),
    send: fn => fn(input.value.trim() || undefined).catch(e => judged(input, e)),
  };
}

// ---------- buyer: the order's lines and sums ----------

/**
 * The order as the server charged it: each line's price, discount, service fee and tax, and the sums — subtotal,
 * discount (with the code), fees, tax (label, rate, included or added), total, and what was refunded.
 */
export function orderSummary(order) {
  const c = order.currency;
  const taxName = `${order.taxLabel || t('tax')} ${percent(order.taxRateBasisPoints)}`;
  const taxNote = order.taxIncluded ? t('taxIncluded') : t('taxAdded');
  const part = (kind, label, minor, note) => h('li', { 'data-part': kind }, h('span', {}, label, note ? ` (${note})` : ''),
    h('span', {}, money(minor, c)));
  const lines = h('ul', { class: 'lines order-lines' }, order.lines.map((l, i) => h('li', { 'data-line': i },
    h('div', { class: 'line-head' }, h('span', {}, l.description),
      h('strong', {}, money(l.totalMinor ?? l.amountMinor, c))),
    h('ul', { class: 'line-parts' },
      part('price', l.quantity > 1 ? `${l.quantity} × ${money(l.unitPriceMinor, c)}` : t('ticketPrice'), l.amountMinor),
      l.discountMinor ? part('discount', `${t('discount')}${order.promoCode ? ` ${order.promoCode}` : ''}`, -l.discountMinor) : null,
      l.feeMinor ? part('fee', t('serviceFee'), l.feeMinor) : null,
      l.taxMinor ? part('tax', taxName, l.taxMinor, taxNote) : null))));
  const sum = (kind, label, minor, note) => [h('dt', { 'data-sum': kind }, label, note ? ` (${note})` : ''),
    h('dd', { 'data-sum': kind }, money(minor, c))];
  const sums = h('dl', { class: 'sums', id: 'order-sums' },
    sum('subtotal', t('subtotal'), order.subtotalMinor ?? order.totalMinor),
    order.discountMinor ? sum('discount', `${t('discount')}${order.promoCode ? ` ${order.promoCode}` : ''}`, -order.discountMinor) : null,
    order.feeMinor ? sum('fee', t('serviceFees'), order.feeMinor) : null,
    order.taxMinor ? sum('tax', taxName, order.taxMinor, taxNote) : null,
    sum('total', t('total'), order.totalMinor),
    order.refundedMinor ? sum('refunded', t('refunded'), order.refundedMinor) : null,
    order.refundedMinor && order.refundedTaxMinor ? sum('refunded-tax', t('refundedOf', { what: taxName }), order.refundedTaxMinor) : null,
    order.refundedMinor && order.refundedFeeMinor ? sum('refunded-fee', t('refundedOf', { what: t('serviceFees') }), order.refundedFeeMinor) : null);
  return h('div', { class: 'order-summary' }, lines, sums);
}

// ---------- invoices and credit notes (buyer and organizer) ----------

/** Orders that were confirmed have an invoice (and a credit note per refund); others have none. */
const INVOICED = ['CONFIRMED', 'PARTIALLY_REFUNDED', 'REFUND_REQUESTED', 'REFUNDED', 'CANCELLED'];

/**
 * The invoice and credit notes of an order as links to their PDFs. A link's address is the API's PDF; clicking it
 * fetches the PDF with the session's token (a plain navigation would carry none) and saves it.
 */
export async function invoiceLinks(base, status, heading = 'h2') {
  if (!INVOICED.includes(status)) return null;
  const documents = await api('GET', base).catch(() => []);
  if (!documents.length) return null;
  const slot = h('div');
  const link = doc => h('a', { href: `${base}/${doc.id}`, class: 'invoice-link', 'data-kind': doc.kind,
    'data-number': doc.number, download: `${doc.number}.pdf`, onclick: async e => {
      e.preventDefault();
      fill(slot);
      try {
        const pdf = await apiBytes('GET', `${base}/${doc.id}`, { accept: 'application/pdf, application/problem+json' });
        const url = URL.createObjectURL(pdf);
        const save = h('a', { href: url, download: `${doc.number}.pdf`, hidden: true });
        document.body.append(save);
        save.click();
        save.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } catch (error) {
        fill(slot, problemBox(error));
      }
    } }, `${t(doc.kind === 'CREDIT_NOTE' ? 'creditNote' : 'invoice')} ${doc.number} (PDF)`);
  return h('section', { class: 'invoices', id: heading === 'h2' ? 'invoices' : undefined }, h(heading, {}, t('invoices')),
    h('ul', { class: 'plain' }, documents.map(doc => h('li', {}, link(doc),
      h('span', { class: 'muted' }, ` · ${dateTime(doc.issuedAt)} · ${money(doc.totalMinor, doc.currency)}`)))), slot);
}

/** The organizer's order row: a button that shows the order's invoice and credit notes. */
export function orderInvoicesButton(eventId, order) {
  if (!INVOICED.includes(order.status)) return null;
  const box = h('div', { class: 'order-invoices' });
  const button = h('button', { type: 'button', class: 'secondary', 'data-invoices': order.id, onclick: async () => {
    button.disabled = true;
    const links = await invoiceLinks(`/api/v1/admin/events/${eventId}/orders/${order.id}/invoices`, order.status, 'h3');
    fill(box, links || h('p', { class: 'muted' }, t('noInvoices')));
    button.remove();
    box.querySelector('a')?.focus();
  } }, t('invoices'));
  return h('div', {}, button, box);
}

// ---------- organizer: the event's tax and service fee ----------

/** The event's tax and fee (only while it is a draft, like its prices). */
export function chargesSection(event) {
  const c = event.currency;
  const charges = event.charges || { taxLabel: '', taxRateBasisPoints: 0, taxIncluded: true, feeFixedMinor: 0, feePercentBasisPoints: 0 };
  const draft = event.status === 'DRAFT';
  const slot = h('div');
  const form = h('form', { id: 'charges-form', class: 'charges-form', onsubmit: async e => {
    e.preventDefault();
    const d = formData(form);
    const body = { taxLabel: d.taxLabel.trim(), taxRateBasisPoints: Math.round(Number(d.taxRateBasisPoints || 0) * 100),
      taxIncluded: d.taxIncluded === 'true', feeFixedMinor: toMinor(d.feeFixedMinor || 0, c),
      feePercentBasisPoints: Math.round(Number(d.feePercentBasisPoints || 0) * 100) };
    const saved = await act(slot, form, () => api('PUT', `/api/v1/admin/events/${event.id}/charges`, { body }));
    if (saved) { flash(t('saved'), 'ok'); fill(summary, chargesText(saved.charges, c)); }
  } },
  !draft ? h('p', { class: 'muted' }, t('chargesDraftOnly')) : null,
  h('div', { class: 'row3' },
    field(t('taxLabel'), { name: 'taxLabel', id: 'tax-label', maxlength: 40, value: charges.taxLabel, disabled: !draft }, t('taxLabelHint')),
    field(t('taxRate'), { name: 'taxRateBasisPoints', id: 'tax-rate', type: 'number', min: 0, max: 100, step: 0.01,
      value: charges.taxRateBasisPoints / 100, disabled: !draft }),
    field(t('taxMode'), { name: 'taxIncluded', id: 'tax-included', value: String(charges.taxIncluded), disabled: !draft,
      options: [['true', t('taxIncludedOption')], ['false', t('taxAddedOption')]] })),
  h('div', { class: 'row3' },
    field(t('feeFixed', { currency: c }), { name: 'feeFixedMinor', id: 'fee-fixed', type: 'number', min: 0,
      step: 1 / 10 ** minorDigits(c), value: fromMinor(charges.feeFixedMinor, c), disabled: !draft }, t('feeHint')),
    field(t('feePercent'), { name: 'feePercentBasisPoints', id: 'fee-percent', type: 'number', min: 0, max: 100, step: 0.01,
      value: charges.feePercentBasisPoints / 100, disabled: !draft })),
  draft ? h('button', { type: 'submit', id: 'charges-save' }, t('save')) : null);
  const summary = h('p', { id: 'charges-summary', 'aria-live': 'polite' }, chargesText(charges, c));
  return h('section', { id: 'charges' }, h('h2', {}, t('taxesAndFees')), summary, form, slot);
}

function chargesText(charges, currency) {
  const tax = charges.taxRateBasisPoints
    ? `${charges.taxLabel} ${percent(charges.taxRateBasisPoints)} (${charges.taxIncluded ? t('taxIncluded') : t('taxAdded')})`
    : t('noTax');
  const fee = charges.feeFixedMinor ? t('feePerTicket', { amount: money(charges.feeFixedMinor, currency) })
    : charges.feePercentBasisPoints ? t('feePerTicket', { amount: percent(charges.feePercentBasisPoints) }) : t('noFee');
  return `${tax} · ${fee}`;
}

// ---------- organizer: promo and access codes ----------

/**
 * The event's codes: the list with their rules and uses, enable/disable, and a form for a new one — a discount
 * (percent or amount per ticket) or an access code (pre-sale, hidden tiers), for some sections or tiers, with limits
 * and a validity window. A refusal shows its problem with each field error next to its field.
 */
export async function codesSection(event, sections) {
  const base = `/api/v1/admin/events/${event.id}/codes`;
  const c = event.currency;
  const element = h('section', { id: 'codes' });
  const sectionName = id => sections.find(x => x.sectionId === id || x.id === id)?.name || id;
  const tiers = [...new Set(event.sections.map(x => x.tier).filter(Boolean))];
  const load = async () => {
    const page = await api('GET', `${base}?size=100`).catch(() => ({ items: [] }));
    const slot = h('div');
    const form = h('form', { id: 'code-form', class: 'code-form', onsubmit: async e => {
      e.preventDefault();
      const d = formData(form);
      const kind = d.kind;
      const discount = kind === 'DISCOUNT';
      const body = { code: d.code.trim(), kind,
        percentOff: discount && d.discountType === 'percent' && d.percentOff !== '' ? Number(d.percentOff) : null,
        amountOffMinor: discount && d.discountType === 'amount' && d.amountOffMinor !== '' ? toMinor(d.amountOffMinor, c) : null,
        sectionIds: [...form.querySelectorAll('[name="sectionIds"]:checked')].map(x => x.value),
        tierNames: [...form.querySelectorAll('[name="tierNames"]:checked')].map(x => x.value),
        maxUses: d.maxUses ? Number(d.maxUses) : null, maxUsesPerBuyer: d.maxUsesPerBuyer ? Number(d.maxUsesPerBuyer) : null,
        validFrom: d.validFrom ? new Date(d.validFrom).toISOString() : null,
        validUntil: d.validUntil ? new Date(d.validUntil).toISOString() : null };
      if (await act(slot, form, () => api('POST', base, { body }))) { flash(t('saved'), 'ok'); load(); }
    } },
    h('h3', {}, t('newCode')),
    h('div', { class: 'row3' },
      field(t('codeText'), { name: 'code', id: 'code-text', required: true, maxlength: 40, pattern: '[A-Za-z0-9_\\-]{3,40}',
        autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' }, t('codeTextHint')),
      field(t('codeKind'), { name: 'kind', id: 'code-kind', value: 'DISCOUNT', onchange: () => showKind(),
        options: [['DISCOUNT', t('kindDiscount')], ['ACCESS', t('kindAccess')]] })),
    h('fieldset', { class: 'discount-fields' }, h('legend', {}, t('discount')),
      h('div', { class: 'row3' },
        field(t('discountType'), { name: 'discountType', id: 'code-discount-type', value: 'percent', onchange: () => showKind(),
          options: [['percent', t('discountPercent')], ['amount', t('discountAmount', { currency: c })]] }),
        field(t('percentOff'), { name: 'percentOff', id: 'code-percent', type: 'number', min: 1, max: 100, step: 1 }),
        field(t('amountOff', { currency: c }), { name: 'amountOffMinor', id: 'code-amount', type: 'number', min: 0,
          step: 1 / 10 ** minorDigits(c) }))),
    h('fieldset', {}, h('legend', {}, t('codeCovers')), h('p', { class: 'hint' }, t('codeCoversHint')),
      h('div', { class: 'choices' },
        sections.map(x => h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'sectionIds', value: x.sectionId || x.id }), ` ${x.name}`)),
        tiers.map(name => h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'tierNames', value: name }), ` ${t('tier')}: ${name}`)))),
    h('div', { class: 'row3' },
      field(t('maxUses'), { name: 'maxUses', id: 'code-max-uses', type: 'number', min: 1 }, t('noLimitHint')),
      field(t('maxUsesPerBuyer'), { name: 'maxUsesPerBuyer', id: 'code-max-per-buyer', type: 'number', min: 1 }, t('noLimitHint')),
      field(t('validFrom'), { name: 'validFrom', id: 'code-valid-from', type: 'datetime-local' }),
      field(t('validUntil'), { name: 'validUntil', id: 'code-valid-until', type: 'datetime-local' })),
    h('button', { type: 'submit', id: 'code-create' }, t('createCode')));
    const showKind = () => {
      const discount = form.elements.kind.value === 'DISCOUNT';
      const byPercent = form.elements.discountType.value === 'percent';
      form.querySelector('.discount-fields').hidden = !discount;
      form.elements.percentOff.closest('.field').hidden = !byPercent;
      form.elements.amountOffMinor.closest('.field').hidden = byPercent;
      form.elements.percentOff.required = discount && byPercent;
      form.elements.amountOffMinor.required = discount && !byPercent;
    };
    showKind();
    const listSlot = h('div');
    const rule = code => code.kind === 'ACCESS' ? t('kindAccess')
      : code.percentOff != null ? t('percentOffRule', { n: code.percentOff })
      : t('amountOffRule', { amount: money(code.amountOffMinor, c) });
    // The address to send to invited buyers: the code filled in, and a hidden tier's section it opens shown.
    const invitation = code => {
      const hidden = event.sections.find(x => x.hidden && (code.sectionIds.includes(x.sectionId) || code.tierNames.includes(x.tier)
        || (!code.sectionIds.length && !code.tierNames.length)));
      const query = new URLSearchParams({ code: code.code, ...(hidden ? { section: hidden.sectionId } : {}) });
      return `${location.origin}/#/events/${event.id}?${query}`;
    };
    const covers = code => [...code.sectionIds.map(sectionName), ...code.tierNames.map(x => `${t('tier')}: ${x}`)].join(', ') || t('allTickets');
    const validity = code => [code.validFrom ? t('fromDate', { at: dateTime(code.validFrom) }) : null,
      code.validUntil ? t('untilDate', { at: dateTime(code.validUntil) }) : null].filter(Boolean).join(' ') || '—';
    const list = page.items.length ? h('ul', { class: 'code-list', id: 'code-list' }, page.items.map(code => h('li', {
      'data-code': code.code, 'data-enabled': String(code.enabled) },
      h('div', { class: 'line-head' }, h('strong', {}, code.code), h('span', { class: `badge${code.enabled ? '' : ' CANCELLED'}` },
        code.enabled ? t('codeEnabled') : t('codeDisabled'))),
      h('p', {}, `${rule(code)} · ${covers(code)}`),
      h('p', { class: 'muted' }, `${t('usesOf', { n: code.uses, max: code.maxUses ?? '∞' })}`,
        code.maxUsesPerBuyer ? ` · ${t('perBuyer', { n: code.maxUsesPerBuyer })}` : '', ` · ${validity(code)}`),
      code.kind === 'ACCESS' ? h('p', { class: 'invitation' }, `${t('invitationLink')}: `, h('code', {}, invitation(code))) : null,
      h('button', { type: 'button', class: 'secondary', 'data-toggle-code': code.code, onclick: async e => {
        if (await act(listSlot, e.target.parentElement, () => api('POST', `${base}/${code.id}/${code.enabled ? 'disable' : 'enable'}`))) load();
      } }, code.enabled ? t('disable') : t('enable')))))
      : h('p', { class: 'muted' }, t('noCodes'));
    fill(element, h('h2', {}, t('codes')), h('p', { class: 'muted' }, t('codesIntro')), list, listSlot, form, slot);
  };
  await load();
  return element;
}
