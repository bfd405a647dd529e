import { t, problemText } from './i18n.js';

/** Builds an element: h('button', {class: 'x', onclick: fn}, 'text', child…). No innerHTML anywhere. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}
export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
const SVG = 'http://www.w3.org/2000/svg';
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v); else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

export const main = () => document.getElementById('main');

/** Replaces the page's content and moves focus to its heading (screen readers hear the new page). */
export function render(title, ...children) {
  const heading = h('h1', { tabindex: '-1' }, title);
  main().replaceChildren(heading, ...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
  document.title = `${title} · Boxoffice`;
  heading.focus({ preventScroll: true });
  return main();
}

let flashed = null;
export function flash(message, kind = 'info') {
  const box = document.getElementById('flash');
  const shown = message ? h('p', { class: `flash ${kind}` }, message) : null;
  flashed = shown;
  fill(box, shown);
  if (shown && kind !== 'error') setTimeout(() => { if (flashed === shown) fill(box); }, 5000);
}

/** replaceChildren that skips null, undefined and false (conditional parts of a page). */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/**
 * Shows a problem: its translated type (with members such as currentStatus filled in), the server's detail, and
 * each field error next to the form field of that name.
 */
export function problemBox(error, form) {
  const body = error?.body || { detail: String(error?.message || error) };
  const slug = error?.slug || '';
  const headline = problemText(slug, body) || body.title || t('problem.network');
  form?.querySelectorAll('[aria-invalid]').forEach(f => { f.removeAttribute('aria-invalid'); });
  form?.querySelectorAll('.field-error').forEach(e => e.remove());
  const fieldErrors = [];
  for (const violation of body.errors || []) {
    const field = form?.querySelector(`[name="${CSS.escape(violation.field)}"]`);
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      const id = `${field.id || field.name}-error`;
      field.setAttribute('aria-describedby', id);
      field.insertAdjacentElement('afterend', h('span', { class: 'field-error', id }, violation.message));
    } else {
      fieldErrors.push(h('li', {}, `${violation.field}: ${violation.message}`));
    }
  }
  return h('div', { class: 'problem', role: 'alert', dataset: { problemType: slug || 'unknown' } },
    h('strong', {}, headline),
    body.detail && body.detail !== headline ? h('p', {}, body.detail) : null,
    fieldErrors.length ? h('ul', {}, fieldErrors) : null);
}

/** Runs an action for a form or button: disables it meanwhile and shows a problem in `slot` when it fails. */
export async function act(slot, form, fn) {
  const controls = form ? [...form.querySelectorAll('button, input, select')] : [];
  controls.forEach(c => { c.dataset.wasDisabled = c.disabled; c.disabled = true; });
  slot?.replaceChildren();
  try {
    return await fn();
  } catch (e) {
    if (slot) fill(slot, problemBox(e, form)); else flash(e.message, 'error');
    return undefined;
  } finally {
    controls.forEach(c => { c.disabled = c.dataset.wasDisabled === 'true'; delete c.dataset.wasDisabled; });
  }
}

let fieldCounter = 0;
/** A labelled form field. */
export function field(label, attrs = {}, hint) {
  const id = attrs.id || `f${++fieldCounter}`;
  const described = hint ? { 'aria-describedby': `${id}-hint` } : {};
  const control = attrs.options
    ? h('select', { ...attrs, ...described, options: undefined, id }, attrs.options.map(([value, text]) =>
        h('option', { value, selected: String(value) === String(attrs.value) ? true : undefined }, text)))
    : attrs.type === 'textarea' ? h('textarea', { ...attrs, ...described, type: undefined, id }, attrs.value || '')
    : h('input', { ...attrs, ...described, id });
  return h('div', { class: 'field' }, h('label', { for: id }, label), control,
    hint ? h('small', { class: 'hint', id: `${id}-hint` }, hint) : null);
}

export const formData = form => Object.fromEntries(new FormData(form).entries());

/** Timers and pollers of the current page, stopped when the route changes. */
const timers = new Set();
export function every(ms, fn) { const id = setInterval(fn, ms); timers.add(() => clearInterval(id)); return id; }
export function later(ms, fn) { const id = setTimeout(fn, ms); timers.add(() => clearTimeout(id)); return id; }
export function onLeave(fn) { timers.add(fn); }
export function leavePage() { timers.forEach(stop => stop()); timers.clear(); }
