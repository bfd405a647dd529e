import { t } from './i18n.js';
import { h, fill, render, flash, leavePage, main } from './ui.js';
import { currentSession, hasRole, onSession, logout } from './api.js';
import * as buyer from './buyer.js';
import * as admin from './admin.js';

// Hash routes: the gateway serves one page, so every address works after a reload and needs no server route.
const routes = [
  [/^\/$/, buyer.eventsPage],
  [/^\/events\/([\w-]+)$/, buyer.eventPage],
  [/^\/events\/([\w-]+)\/queue$/, buyer.queuePage],
  [/^\/holds\/([\w-]+)$/, buyer.holdPage],
  [/^\/orders$/, buyer.ordersPage, true],
  [/^\/waiting-lists$/, buyer.waitingListsPage, true],
  [/^\/orders\/([\w-]+)$/, buyer.orderPage, true],
  [/^\/login$/, buyer.loginPage],
  [/^\/register$/, buyer.registerPage],
  [/^\/account$/, buyer.accountPage, true],
  [/^\/admin$/, admin.dashboardPage, true],
  [/^\/admin\/venues\/new$/, admin.newVenuePage, true],
  [/^\/admin\/venues\/([\w-]+)$/, admin.venuePage, true],
  [/^\/admin\/events\/new$/, admin.newEventPage, true],
  [/^\/admin\/events\/([\w-]+)$/, admin.eventPage, true],
  [/^\/admin\/check-in$/, admin.checkInPage, true],
];

export function go(path) {
  if (location.hash === `#${path}`) route(); else location.hash = `#${path}`;
}

async function route() {
  const hash = location.hash;
  if (hash && !hash.startsWith('#/')) return; // an in-page anchor such as the skip link
  const path = (hash.slice(1) || '/').split('?')[0];
  const query = new URLSearchParams(hash.split('?')[1] || '');
  leavePage();
  flash('');
  nav();
  for (const [pattern, page, needsLogin] of routes) {
    const match = path.match(pattern);
    if (!match) continue;
    if (needsLogin && !currentSession()) {
      flash(t('needLogin'));
      sessionStorage.setItem('boxoffice.after-login', path);
      return go('/login');
    }
    main().removeAttribute('data-ready');
    try {
      await page(...match.slice(1), query);
      if (location.hash === hash) main().dataset.ready = hash || '#/';
    } catch (e) {
      const { problemBox } = await import('./ui.js');
      render(t('back'), problemBox(e));
    }
    return;
  }
  render('404', h('p', {}, h('a', { href: '#/' }, t('events'))));
}

function nav() {
  const session = currentSession();
  const links = [h('a', { href: '#/' }, t('events'))];
  if (session) {
    links.push(h('a', { href: '#/orders' }, t('orders')));
    links.push(h('a', { href: '#/waiting-lists' }, t('waitingLists')));
    if (hasRole('ORGANIZER', 'ADMIN')) links.push(h('a', { href: '#/admin' }, t('organizer')));
    links.push(h('a', { href: '#/account', title: session.email }, t('account')));
    links.push(h('button', { type: 'button', class: 'link', onclick: async () => { await logout(); go('/'); } }, t('logout')));
  } else {
    links.push(h('a', { href: '#/login' }, t('login')));
  }
  const current = `#${(location.hash.slice(1) || '/').split('?')[0]}`;
  links.forEach(a => { if (a.getAttribute?.('href') === current) a.setAttribute('aria-current', 'page'); });
  fill(document.getElementById('nav'), ...links);
}

onSession(() => nav());
addEventListener('hashchange', route);
document.querySelector('.skip')?.addEventListener('click', e => { e.preventDefault(); main().focus(); });
route();
