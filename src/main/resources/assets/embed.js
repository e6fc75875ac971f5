/*
 * Parley's script tag, for sites that cannot include the thread on their server. It fetches the same
 * server-rendered thread as the include does, as HTML, and shows it in a shadow root, so that no style leaks
 * in either direction; the host themes it with --parley-* custom properties (css/embed.css). No cookies are
 * needed across sites: the browser's commenter token (to see one's own pending comment) and a signed-in reader's
 * session are kept in this page's localStorage and sent as headers. A sign-in comes back to the page with a
 * one-time code in the address's fragment, which the script exchanges for the reader's session. Counts: elements marked data-parley-count are filled by one request.
 */
(() => {
  'use strict';
  const script = document.currentScript || document.querySelector('script[src$="/embed.js"]');
  if (!script) return;
  // Parley's root, its path prefix included (…/comments/ under a prefix): every address below is under it.
  const base = new URL('.', script.src);
  const parley = base.origin;
  const TOKEN = 'parley-commenter ' + base.href;
  const READER = 'parley-reader ' + base.href;
  const NONCE = 'parley-signin ' + base.href;
  // The thread's own stylesheet (every rule under .parley), the only one in the shadow root; the fragment links
  // it itself, the messages of a refusal or a failure do not.
  const STYLES = '<link rel="stylesheet" href="' + base.href + 'css/embed.css">';

  const stored = (key) => {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  };
  const store = (key, value) => {
    try {
      if (value) localStorage.setItem(key, value);
      else localStorage.removeItem(key);
    } catch (e) { /* private mode: the comment shows once approved, and a sign-in lasts one page view */ }
  };
  const headers = (more) => {
    const token = stored(TOKEN);
    const reader = stored(READER);
    return Object.assign(token ? { 'X-Parley-Commenter': token } : {}, reader ? { 'X-Parley-Reader': reader } : {},
      more);
  };
  const randomKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)),
    (b) => b.toString(16).padStart(2, '0')).join('');
  const words = (n) => n === 0 ? 'No comments yet' : n.toLocaleString('en') + (n === 1 ? ' comment' : ' comments');

  /** The page the thread belongs to: as the host says, else its canonical link, else this address. */
  const pageOf = (host) => host.dataset.parleyPage
    || (document.querySelector('link[rel=canonical]') || {}).href
    || location.href.split('#')[0];

  function threadAddress(host, extra) {
    const query = new URLSearchParams({ page: pageOf(host) });
    if (host.dataset.parleyId) query.set('id', host.dataset.parleyId);
    query.set('title', host.dataset.parleyTitle || document.title);
    Object.entries(extra || {}).forEach(([name, value]) => query.set(name, value));
    return base.href + 'embed/thread?' + query;
  }

  /** Links and forms in Parley's HTML are root-relative to Parley: they must not point at the host. */
  function absolute(node) {
    node.querySelectorAll('[href],[action],[formaction],[src]').forEach((element) => {
      ['href', 'action', 'formaction', 'src'].forEach((name) => {
        const value = element.getAttribute(name);
        if (value && value[0] === '/' && value[1] !== '/') element.setAttribute(name, parley + value);
      });
    });
    return node;
  }

  function problem(text) {
    const box = document.createElement('div');
    box.className = 'parley-problem form-error';
    box.setAttribute('role', 'alert');
    box.textContent = text;
    return box;
  }

  /** Scrolls to an element of the thread and moves the focus there (an id in the shadow root, not the page). */
  function reveal(root, id) {
    const target = id && root.getElementById(id);
    if (!target) return false;
    target.scrollIntoView({ block: 'start' });
    if (!target.matches('a,button,input,textarea,select,[tabindex]')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    return true;
  }

  async function load(host, extra) {
    const root = host.shadowRoot || open(host);
    let html;
    try {
      const answer = await fetch(threadAddress(host, extra), { headers: headers(), credentials: 'omit' });
      html = await answer.text();
    } catch (e) {
      // The browser keeps the answer from us when Parley does not know this site (no CORS), or Parley is away.
      root.innerHTML = STYLES;
      root.append(problem('The comments could not be loaded. (' + parley + ' does not answer pages of '
        + location.origin + ': the site owner registers this origin in Parley, or Parley is unreachable.)'));
      host.setAttribute('data-parley-state', 'failed');
      return root;
    }
    root.innerHTML = (html.includes('css/embed.css') ? '' : STYLES) + html;
    absolute(root);
    host.setAttribute('data-parley-state', 'loaded');
    return root;
  }

  function open(host) {
    const root = host.attachShadow({ mode: 'open' });
    root.addEventListener('click', (event) => follow(host, root, event));
    root.addEventListener('submit', (event) => send(host, root, event));
    return root;
  }

  /** Anchors stay in the thread; replying to a comment and the thread's pages are loaded in place. */
  function follow(host, root, event) {
    const link = event.target.closest('a[href]');
    if (!link || event.defaultPrevented || event.button || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const href = link.getAttribute('href');
    if (href[0] === '#') {
      if (reveal(root, decodeURIComponent(href.slice(1)))) event.preventDefault();
      return;
    }
    const url = new URL(link.href);
    const query = url.searchParams;
    if (url.origin !== parley || !(query.has('replytocom') || query.has('cpage')
      || link.id === 'cancel-comment-reply-link')) return;
    event.preventDefault();
    const extra = {};
    ['replytocom', 'cpage'].forEach((name) => { if (query.get(name)) extra[name] = query.get(name); });
    load(host, extra).then(() => reveal(root, extra.replytocom ? 'respond' : 'comments'));
  }

  /** Posts a form with fetch: no cookie is needed, and a mistake comes back in place with the text kept. */
  async function send(host, root, event) {
    const form = event.target;
    // Buttons with an address of their own (signing in with a provider, logging out) leave for Parley's pages
    // in this window, as without the script.
    if (event.submitter && event.submitter.hasAttribute('formaction')) {
      leave(form, new URL(event.submitter.formAction).pathname);
      return;
    }
    if ((form.getAttribute('method') || '').toLowerCase() !== 'post') return;
    event.preventDefault();
    const key = form.elements.namedItem('parley_key');
    if (key && !key.value) key.value = randomKey();
    const body = new URLSearchParams(event.submitter ? new FormData(form, event.submitter) : new FormData(form));
    const button = event.submitter || form.querySelector('[type=submit]');
    if (button) button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    const done = () => {
      if (button) button.disabled = false;
      form.removeAttribute('aria-busy');
    };
    let answer;
    try {
      answer = await fetch(form.action, {
        method: 'POST', body, credentials: 'omit', redirect: 'manual',
        headers: headers({ 'X-Parley-Embed': 'script' }),
      });
    } catch (e) {
      done();
      form.before(problem('Your comment could not be sent: Parley did not answer. Your text is still here;'
        + ' please try again.'));
      return;
    }
    const token = answer.headers.get('X-Parley-Commenter');
    if (token) store(TOKEN, token);
    if (answer.ok || answer.type === 'opaqueredirect') {
      const id = answer.headers.get('X-Parley-Comment');
      const mail = answer.headers.get('X-Parley-Mail');
      await load(host);
      const comment = id && root.getElementById('comment-' + id);
      if (mail && comment) {
        // What became of the "Notify me" boxes (a confirmation mail on its way, or not sent again so soon).
        const note = document.createElement('p');
        Object.assign(note, { className: 'notice', id: 'mail-answer', textContent: mail });
        note.setAttribute('role', 'status');
        comment.querySelector('.comment-body').prepend(note);
      }
      reveal(root, id ? 'comment-' + id : 'comments');
      return;
    }
    done();
    // Parley's answer is a page with the form again, the messages next to the fields and the text as typed.
    const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
    const again = page.querySelector('#respond') || page.querySelector('form[method=post]');
    const mine = again && again.id === 'respond' ? form.closest('#respond') || form : form;
    root.querySelectorAll('.parley-problem').forEach((old) => old.remove());
    if (!again) {
      const words = (page.querySelector('main') || page.body).textContent.replace(/\s+/g, ' ').trim();
      form.before(problem(words || 'Your comment could not be sent (' + answer.status + '). Your text is still here.'));
      return;
    }
    mine.replaceWith(absolute(document.adoptNode(again)));
    const summary = root.querySelector('.error-summary') || root.querySelector('[aria-invalid=true]');
    if (summary) {
      if (!summary.hasAttribute('tabindex') && !summary.matches('input,textarea')) summary.setAttribute('tabindex', '-1');
      summary.focus();
    }
  }

  /**
   * What goes along when the reader leaves to sign in or out: a nonce only this page knows (the code Parley sends
   * back in the address is of no use without it), or the session kept here, for Parley to end it.
   */
  function leave(form, path) {
    let field = null;
    if (/\/auth\/\d+\/start$/.test(path)) {
      field = ['parley_signin', randomKey()];
      store(NONCE, field[1]);
    } else if (/\/logout$/.test(path) && stored(READER)) {
      field = ['parley_reader', stored(READER)];
      store(READER, null);
    }
    if (!field) return;
    form.querySelectorAll('input[name=' + field[0] + ']').forEach((old) => old.remove());
    const input = document.createElement('input');
    Object.assign(input, { type: 'hidden', name: field[0], value: field[1] });
    form.append(input);
  }

  /** Back from signing in: exchanges the code in the address (removed from it at once) for the reader's session. */
  async function signedIn() {
    const code = /^#parley-signin=([A-Za-z0-9_-]{16,128})$/.exec(location.hash);
    if (!code) return null;
    history.replaceState(history.state, '', location.href.split('#')[0] + '#respond');
    const nonce = stored(NONCE) || '';
    store(NONCE, null);
    try {
      const answer = await fetch(base.href + 'embed/reader', {
        method: 'POST', credentials: 'omit', body: new URLSearchParams({ code: code[1], nonce }),
      });
      const given = await answer.json();
      if (given.reader) store(READER, given.reader);
      return given;
    } catch (e) {
      return { error: 'Signing in did not finish: Parley did not answer. Please try again.' };
    }
  }

  /** Fills every [data-parley-count] (a page address) and [data-parley-count-id] in as few requests as fit. */
  async function counts() {
    const marked = [...document.querySelectorAll('[data-parley-count],[data-parley-count-id]')];
    const keys = new Map();
    const batches = [];
    let query = null;
    let size = 0;
    let pages = 0;
    marked.forEach((element) => {
      const id = element.dataset.parleyCountId;
      const asked = id ? ['id', id] : ['page', new URL(element.dataset.parleyCount, location.href).href];
      const key = id ? 'id:' + id : asked[1];
      keys.set(element, key);
      if ([...batches, query].some((q) => q && q.getAll(asked[0]).includes(asked[1]))) return;
      const length = encodeURIComponent(asked[1]).length + 6;
      // Proxies refuse long request lines, and Parley counts at most 100 pages a request.
      if (!query || size + length > 3000 || pages === 100) {
        query = new URLSearchParams({ origin: location.origin });
        batches.push(query);
        size = 0;
        pages = 0;
      }
      query.append(asked[0], asked[1]);
      size += length;
      pages += 1;
    });
    await Promise.all(batches.map(async (batch) => {
      try {
        const answer = await fetch(base.href + 'embed/counts?' + batch, { credentials: 'omit' });
        const found = await answer.json();
        marked.forEach((element) => {
          const count = (found.counts || {})[keys.get(element)];
          if (typeof count === 'number') element.textContent = words(count);
        });
        if (found.refused) console.warn('Parley could not count these pages:', found.refused);
      } catch (e) {
        // The links keep the words the host gave them.
      }
    }));
  }

  async function start() {
    const hosts = [...document.querySelectorAll('[data-parley-thread]')].filter((host) => !host.shadowRoot);
    counts();
    const given = await signedIn();
    hosts.forEach(async (host, index) => {
      // The draft typed before signing in goes back into the (first) thread's form, under the comment it answered.
      const draft = index === 0 && given && typeof given.comment === 'string' ? given : null;
      const root = await load(host, draft && draft.parent ? { replytocom: draft.parent } : {});
      const box = draft && root.getElementById('comment');
      if (box) box.value = draft.comment;
      const respond = root.getElementById('respond');
      if (index === 0 && given && given.error && respond) respond.prepend(problem(given.error));
      if (location.hash) reveal(root, decodeURIComponent(location.hash.slice(1)));
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
