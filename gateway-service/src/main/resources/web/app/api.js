// The platform's API, called on this origin only. Tokens live in localStorage so a reload keeps the session; the
// access token is refreshed shortly before it expires (and once more on a 401), one refresh at a time.
const SESSION = 'boxoffice.session';
const listeners = new Set();
let session = read();
let refreshing = null;

function read() {
  try { return JSON.parse(localStorage.getItem(SESSION) || 'null'); } catch { return null; }
}
function write(next) {
  session = next;
  if (next) localStorage.setItem(SESSION, JSON.stringify(next)); else localStorage.removeItem(SESSION);
  listeners.forEach(fn => fn(session));
}
addEventListener('storage', e => { if (e.key === SESSION) { session = read(); listeners.forEach(fn => fn(session)); } });

export const onSession = fn => listeners.add(fn);
export const currentSession = () => session;
export const hasRole = (...roles) => !!session && roles.some(r => (session.roles || []).includes(r));

/** An RFC 9457 problem answered by the platform (or made up here for a network failure). */
export class Problem extends Error {
  constructor(body, status) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.body = body;
    this.status = status;
    this.slug = (body.type || '').split('/').pop();
  }
}

function claims(token) {
  try { return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))); } catch { return {}; }
}

function keep(tokens, account) {
  const c = claims(tokens.accessToken);
  write({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + (tokens.expiresIn || 900) * 1000,
    userId: c.sub,
    email: account?.email ?? c.email ?? session?.email,
    roles: account?.roles ?? c.roles ?? [],
    organizations: account?.organizations ?? c.orgs ?? [],
  });
}

async function refresh() {
  if (!session?.refreshToken) return false;
  if (!refreshing) {
    const token = session.refreshToken;
    refreshing = raw('POST', '/api/v1/auth/refresh', { body: { refreshToken: token }, auth: false })
      .then(tokens => { keep(tokens, { email: session?.email, roles: claims(tokens.accessToken).roles, organizations: session?.organizations }); return true; })
      .catch(e => { if (e.status === 401 || e.status === 400) write(null); return false; })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function raw(method, path, { body, headers = {}, auth = true, idempotencyKey } = {}) {
  const h = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (auth && session?.accessToken) h.Authorization = `Bearer ${session.accessToken}`;
  if (idempotencyKey) h['Idempotency-Key'] = idempotencyKey;
  let response;
  try {
    response = await fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new Problem({ type: 'network', title: 'Network error', detail: '' }, 0);
  }
  if (response.status === 204 || response.status === 304) return null;
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    const problem = new Problem(json || { title: response.statusText }, response.status);
    problem.retryAfter = Number(response.headers.get('Retry-After')) || undefined;
    throw problem;
  }
  return json;
}

/**
 * Calls the API. A POST gets an Idempotency-Key (the same one for each retry of this call), so a retried hold or
 * payment never happens twice.
 */
export async function api(method, path, options = {}) {
  const auth = options.auth !== false;
  if (auth && session && session.expiresAt - Date.now() < 60_000) await refresh();
  const idempotencyKey = method === 'POST' && !path.startsWith('/api/v1/auth/') && !path.startsWith('/sandbox/')
    ? options.idempotencyKey || crypto.randomUUID() : undefined;
  try {
    return await raw(method, path, { ...options, idempotencyKey });
  } catch (e) {
    if (e.status === 401 && auth && session && await refresh()) {
      return raw(method, path, { ...options, idempotencyKey });
    }
    throw e;
  }
}

export async function login(email, password) {
  const tokens = await raw('POST', '/api/v1/auth/login', { body: { email, password }, auth: false });
  const me = await raw('GET', '/api/v1/users/me', { auth: false, headers: { Authorization: `Bearer ${tokens.accessToken}` } });
  keep(tokens, me);
  return me;
}

export async function register(email, password, displayName) {
  await raw('POST', '/api/v1/auth/register', { body: { email, password, displayName: displayName || null }, auth: false });
  return login(email, password);
}

export async function logout() {
  const token = session?.refreshToken;
  write(null);
  if (token) { try { await raw('POST', '/api/v1/auth/logout', { body: { refreshToken: token }, auth: false }); } catch { /* gone anyway */ } }
}

// Keeps the session alive while a page is open: refresh a minute before the access token expires.
setInterval(() => { if (session && session.expiresAt - Date.now() < 90_000) refresh(); }, 30_000);

/**
 * Sends or fetches bytes rather than JSON: an organizer's image upload (the file is the body, its type the
 * Content-Type) and a ticket's PDF (answered as a Blob). Same token handling as api(); failures are Problems.
 */
export async function apiBytes(method, path, { file, accept = 'application/json, application/problem+json' } = {}) {
  if (session && session.expiresAt - Date.now() < 60_000) await refresh();
  const call = () => fetch(path, { method, body: file, headers: {
    Accept: accept, ...(file ? { 'Content-Type': file.type || 'application/octet-stream' } : {}),
    ...(session?.accessToken ? { Authorization: `Bearer ${session.accessToken}` } : {}) } });
  let response;
  try {
    response = await call();
    if (response.status === 401 && session && await refresh()) response = await call();
  } catch {
    throw new Problem({ type: 'network', title: 'Network error', detail: '' }, 0);
  }
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch { body = null; }
    throw new Problem(body || { title: response.statusText }, response.status);
  }
  return (response.headers.get('Content-Type') || '').includes('json') ? response.json() : response.blob();
}
