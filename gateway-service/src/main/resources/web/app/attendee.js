// Attendee questions and ticket transfer (issue #22, docs/commerce.md): the questions at checkout, the answers at the
// door and on the order, the transfer of a ticket, and the organizer's question editor, transfer rule and export.
import { t } from './i18n.js';
import { h, fill, flash, act, field, formData } from './ui.js';
import { api, currentSession } from './api.js';

// ---------- buyer: the questions at checkout ----------

/**
 * The event's questions as form controls for an order of `tickets` tickets; `answers()` collects what the buyer
 * filled in as the checkout's `answers` (the server judges them: a refusal names the question).
 */
export async function checkoutQuestions(eventId, tickets) {
  const asked = await api('GET', `/api/v1/events/${eventId}/questions`, { auth: false }).catch(() => []);
  const controls = [];
  const control = (question, ticket) => {
    const name = `q-${question.id}-${ticket ?? 'order'}`;
    const label = (ticket == null ? question.label : t('forTicket', { n: ticket + 1, question: question.label }))
      + (question.required ? ' *' : '');
    controls.push({ question, ticket, name });
    if (question.kind === 'CHECKBOX') {
      return h('div', { class: 'field check' }, h('label', {},
        h('input', { type: 'checkbox', name, required: question.required || undefined }), ` ${label}`));
    }
    if (question.kind === 'CHOICE') {
      return field(label, { name, required: question.required || undefined, value: '',
        options: [['', '—'], ...question.options.map(o => [o, o])] });
    }
    return field(label, { name, maxlength: 1000, required: question.required || undefined });
  };
  const element = asked.length ? h('fieldset', { class: 'questions', id: 'checkout-questions' },
    h('legend', {}, t('questions')),
    asked.flatMap(q => q.scope === 'TICKET' ? [...Array(tickets).keys()].map(i => control(q, i)) : [control(q, null)]))
    : null;
  const answers = () => controls.map(({ question, ticket, name }) => {
    const input = element.querySelector(`[name="${CSS.escape(name)}"]`);
    const answer = question.kind === 'CHECKBOX' ? String(input.checked) : input.value;
    return { questionId: question.id, ticket, answer };
  }).filter(a => a.answer !== '');
  return { element, answers };
}

/** The answers given to an event's questions, as a definition list (on the order, at the door). */
export function answersList(answers) {
  if (!answers?.length) return null;
  return h('dl', { class: 'answers' }, answers.flatMap(a => [
    h('dt', {}, a.ticket == null ? a.question : t('forTicket', { n: a.ticket + 1, question: a.question })),
    h('dd', {}, a.answer === 'true' ? t('yes') : a.answer === 'false' ? t('no') : a.answer)]));
}

// ---------- buyer: transferring a ticket ----------

/** A ticket's transfer control: an email field and a button; `done` runs once the ticket went to its recipient. */
export function transferControl(ticket, done) {
  if (ticket.status !== 'VALID' || ticket.checkedInAt) return null;
  if (ticket.holderEmail) return h('p', { class: 'badge' }, t('transferredTo', { email: ticket.holderEmail }));
  const slot = h('div');
  const form = h('form', { class: 'inline transfer', onsubmit: async e => {
    e.preventDefault();
    const { recipientEmail } = formData(form);
    if (!confirm(t('confirmTransfer', { email: recipientEmail }))) return;
    if (await act(slot, form, () => api('POST', `/api/v1/tickets/${ticket.id}/transfer`, { body: { recipientEmail } }))) {
      flash(t('transferred', { email: recipientEmail }), 'ok');
      done();
    }
  } },
  field(t('transferTo'), { name: 'recipientEmail', type: 'email', required: true, autocomplete: 'off' }),
  h('button', { type: 'submit', class: 'secondary' }, t('transfer')));
  return h('details', { class: 'transfer' }, h('summary', {}, t('transfer')), form, slot);
}

// ---------- organizer: questions, transfer rule, export ----------

/** The organizer's editor of an event's questions, with the answers' export. */
export async function questionEditor(eventId) {
  const base = `/api/v1/admin/events/${eventId}/questions`;
  const section = h('section', { id: 'questions-editor' });
  const load = async () => {
    const questions = await api('GET', base).catch(() => []);
    const slot = h('div');
    const form = h('form', { class: 'inline', id: 'question-form', onsubmit: async e => {
      e.preventDefault();
      const d = formData(form);
      const body = { label: d.label, kind: d.kind, required: d.required === 'on', scope: d.scope,
        options: d.kind === 'CHOICE' ? d.options.split(',').map(o => o.trim()).filter(Boolean) : [] };
      if (await act(slot, form, () => api('POST', base, { body }))) { flash(t('saved'), 'ok'); load(); }
    } },
    field(t('questionLabel'), { name: 'label', required: true, maxlength: 200 }),
    field(t('questionKind'), { name: 'kind', value: 'TEXT', options: [['TEXT', t('kindText')], ['CHOICE', t('kindChoice')], ['CHECKBOX', t('kindCheckbox')]] }),
    field(t('questionOptions'), { name: 'options' }, t('questionOptionsHint')),
    field(t('questionScope'), { name: 'scope', value: 'ORDER', options: [['ORDER', t('scopeOrder')], ['TICKET', t('scopeTicket')]] }),
    h('div', { class: 'field check' }, h('label', {}, h('input', { type: 'checkbox', name: 'required' }), ` ${t('required')}`)),
    h('button', { type: 'submit' }, t('addQuestion')));
    fill(section, h('h2', {}, t('questions')),
      questions.length ? h('table', {}, h('tbody', {}, questions.map(q => h('tr', {},
        h('td', {}, q.label, q.required ? ' *' : ''), h('td', {}, `${q.kind}${q.options.length ? ` (${q.options.join(', ')})` : ''}`),
        h('td', {}, q.scope === 'TICKET' ? t('scopeTicket') : t('scopeOrder')),
        h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: async () => {
          if (await act(slot, null, () => api('POST', `${base}/${q.id}/${q.enabled ? 'disable' : 'enable'}`))) load();
        } }, q.enabled ? t('disable') : t('enable'))))))) : h('p', { class: 'muted' }, t('noQuestions')),
      form, slot,
      h('p', {}, t('exportAnswers'), ' ',
        h('button', { type: 'button', class: 'link', id: 'export-csv', onclick: () => download(`${base}/answers.csv`, `answers-${eventId}.csv`) }, 'CSV'),
        ' · ',
        h('button', { type: 'button', class: 'link', id: 'export-xlsx', onclick: () => download(`${base}/answers.xlsx`, `answers-${eventId}.xlsx`) }, 'XLSX')));
  };
  await load();
  return section;
}

/** The organizer's transfer rule of an event: allowed or not, and until when. */
export async function transferSettings(eventId) {
  const path = `/api/v1/admin/events/${eventId}/transfer-policy`;
  const policy = await api('GET', path).catch(() => ({ enabled: true, deadline: null }));
  const slot = h('div');
  const local = iso => iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60000).toISOString().slice(0, 16) : '';
  const form = h('form', { class: 'inline', id: 'transfer-form', onsubmit: async e => {
    e.preventDefault();
    const d = formData(form);
    const body = { enabled: d.enabled === 'on', deadline: d.deadline ? new Date(d.deadline).toISOString() : null };
    if (await act(slot, form, () => api('PUT', path, { body }))) flash(t('saved'), 'ok');
  } },
  h('div', { class: 'field check' }, h('label', {}, h('input', { type: 'checkbox', name: 'enabled', checked: policy.enabled || undefined }), ` ${t('transfersAllowed')}`)),
  field(t('transferDeadline'), { name: 'deadline', type: 'datetime-local', value: local(policy.deadline) }, t('transferDeadlineHint')),
  h('button', { type: 'submit' }, t('save')));
  return h('section', { id: 'transfer-settings' }, h('h2', {}, t('ticketTransfer')), form, slot);
}

/** Downloads a file the API answers only with the organizer's token (a plain link would carry none). */
async function download(path, filename) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${currentSession()?.accessToken}` } });
  if (!response.ok) { flash(`${response.status} ${response.statusText}`, 'error'); return; }
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What the door shows of a checked-in ticket's answers. */
export function doorAnswers(ticket) {
  const list = answersList(ticket.answers);
  return list ? h('div', { class: 'door-answers', id: 'checkin-answers' }, h('h2', {}, t('answers')), list) : null;
}

