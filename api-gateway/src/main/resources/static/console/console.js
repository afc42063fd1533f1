// The Lifeboat console: plain DOM, no build step. Server data is only ever set as text, never as HTML.
'use strict';

(() => {
  const TOKEN_KEY = 'lifeboat.token';
  const $ = (id) => document.getElementById(id);
  const seg = encodeURIComponent;
  const state = { project: null, environment: null, stream: null, refreshTimer: null, restoring: null };

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail);
      this.status = status;
    }
  }

  const token = () => sessionStorage.getItem(TOKEN_KEY) || '';

  function headers(accept) {
    const h = { Accept: accept };
    if (token()) h.Authorization = 'Bearer ' + token();
    return h;
  }

  async function problem(response) {
    const body = await response.json().catch(() => null);
    const detail = body && typeof body.detail === 'string' ? body.detail : response.status + ' ' + response.statusText;
    return new ApiError(response.status, detail);
  }

  async function api(method, path, body) {
    const init = { method, headers: headers('application/json'), cache: 'no-store' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (!response.ok) throw await problem(response);
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  // Builds an element; strings among the children become text nodes.
  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function show(id, text) {
    $(id).textContent = text || '';
    $(id).hidden = !text;
  }

  const showError = (e) => show('error', e instanceof Error ? e.message : String(e));
  const notice = (text) => show('notice', text);

  async function run(action) {
    show('error', '');
    try {
      await action();
    } catch (e) {
      showError(e);
    }
  }

  const when = (iso) => (iso ? new Date(iso).toLocaleString() : '—');

  function bytes(n) {
    if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) {
      n /= 1024;
      i++;
    }
    return (i === 0 ? n : n.toFixed(1)) + ' ' + units[i];
  }

  const environmentPath = () => '/projects/' + seg(state.project) + '/environments/' + seg(state.environment);

  function fillList(id, items, name) {
    $(id).replaceChildren(...items.map((item) => {
      const option = document.createElement('option');
      option.value = typeof item === 'string' ? item : String(item[name]);
      return option;
    }));
  }

  // The list endpoints are optional: without them the inputs are typed by hand.
  async function suggest(id, path, name) {
    try {
      const items = await api('GET', path);
      fillList(id, Array.isArray(items) ? items : [], name);
    } catch (e) {
      fillList(id, [], name);
    }
  }

  function tokenState() {
    $('token-state').textContent = token() ? 'token kept for this browser tab' : 'no token';
  }

  async function open() {
    const project = $('project').value.trim();
    const environment = $('environment').value.trim();
    stopWatching();
    $('activity').replaceChildren();
    await api('GET', '/projects/' + seg(project));
    const env = await api('GET', '/projects/' + seg(project) + '/environments/' + seg(environment));
    state.project = project;
    state.environment = environment;
    $('environment-title').textContent = project + ' / ' + environment;
    const services = (env.services || []).map((s) => s.name + ' (' + s.type + ')');
    const mounts = (env.mounts || []).map((m) => m.name + ' (mount)');
    $('environment-summary').textContent = [env.type, env.status, services.concat(mounts).join(', ')]
      .filter(Boolean).join(' · ');
    $('environment-section').hidden = false;
    $('activity-section').hidden = false;
    await loadBackups();
  }

  async function loadBackups() {
    const backups = await api('GET', environmentPath() + '/backups?limit=50');
    $('backups').replaceChildren(...(backups || []).map(row));
  }

  function row(b) {
    const status = el('td', null, el('span', 'status status-' + String(b.status).toLowerCase(), b.status));
    if (b.verification) status.append(el('div', 'muted', 'verification ' + b.verification.status));
    if (b.error) status.append(el('div', 'error', b.error));
    const services = el('td', null, ...(b.services || []).map((s) =>
      el('div', null, s.name + ' (' + s.type + ') ' + s.status + ' ' + bytes(s.bytes))));
    const retention = Array.isArray(b.retention) ? b.retention.join('; ') : '';
    const actions = el('td', 'row-actions');
    if (b.status === 'COMPLETED') {
      actions.append(button('Verify', () => verify(b)), button('Restore', () => askRestore(b)));
    }
    if (b.status !== 'DELETING') actions.append(button('Delete', () => remove(b)));
    return el('tr', null, el('td', null, el('code', null, b.id)), status,
      el('td', null, (b.safe ? 'consistent' : 'live') + ', ' + (b.automated ? 'automated' : 'manual')),
      el('td', null, when(b.created_at)), el('td', null, when(b.completed_at)), el('td', null, when(b.expires_at)),
      el('td', null, bytes(b.size_of_volumes)), services, el('td', null, retention), actions);
  }

  function button(label, action) {
    const b = el('button', null, label);
    b.type = 'button';
    b.addEventListener('click', () => run(action));
    return b;
  }

  async function backup() {
    const created = await api('POST', environmentPath() + '/backups', { safe: $('safe').checked });
    notice('Backup ' + created.id + ' requested.');
    await loadBackups();
  }

  async function verify(b) {
    await api('POST', environmentPath() + '/backups/' + seg(b.id) + '/verify', {});
    notice('Verification of ' + b.id + ' requested.');
    await loadBackups();
  }

  async function remove(b) {
    if (!confirm('Delete backup ' + b.id + '? It cannot be restored afterwards.')) return;
    await api('DELETE', environmentPath() + '/backups/' + seg(b.id));
    notice('Deletion of ' + b.id + ' requested.');
    await loadBackups();
  }

  function askRestore(b) {
    state.restoring = b;
    $('restore-backup').textContent = b.id;
    $('restore-target').value = '';
    $('restore-code').checked = true;
    $('restore-definers').checked = false;
    $('restore-dialog').showModal();
  }

  async function restore() {
    const b = state.restoring;
    const target = $('restore-target').value.trim();
    const body = { restore_code: $('restore-code').checked };
    if ($('restore-definers').checked) body.replace_missing_definers = true;
    if (target) body.environment_name = target;
    $('restore-dialog').close();
    const accepted = await api('POST', environmentPath() + '/backups/' + seg(b.id) + '/restore', body);
    notice('Restore ' + accepted.id + ' of ' + b.id + ' into ' + (target || state.environment) + ' requested.');
  }

  // Activity: EventSource cannot send the Authorization header, so the stream is read with fetch.
  async function watch() {
    stopWatching();
    const controller = new AbortController();
    state.stream = controller;
    const path = '/projects/' + seg(state.project) + '/activity?environment=' + seg(state.environment);
    let ended = false;
    try {
      const response = await fetch(path, { headers: headers('text/event-stream'), signal: controller.signal,
        cache: 'no-store' });
      if (!response.ok) throw await problem(response);
      setWatching(true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer = (buffer + value).replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          received(parse(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
      }
      ended = true;
    } catch (e) {
      if (e.name !== 'AbortError') showError(e);
    } finally {
      if (state.stream === controller) {
        state.stream = null;
        setWatching(false);
        if (ended) setTimeout(() => run(watch), 1000); // the server ends streams after a while: reconnect
      }
    }
  }

  function parse(block) {
    const event = { type: 'message', id: null, data: [] };
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event.type = value;
      else if (field === 'id') event.id = value;
      else if (field === 'data') event.data.push(value);
    }
    return event.data.length ? event : null;
  }

  function received(event) {
    if (!event) return;
    let data;
    try {
      data = JSON.parse(event.data.join('\n'));
    } catch (e) {
      return;
    }
    const subject = data.restore_id ? 'restore ' + data.restore_id : data.backup_id ? 'backup ' + data.backup_id : '';
    const text = el('span', null, ' ', describe(event.type, data));
    const key = event.type === 'backup.progressed' ? 'progress-' + data.backup_id : null;
    const existing = key && [...$('activity').children].find((li) => li.dataset.key === key);
    const entry = el('li', null, el('time', 'muted', when(data.occurred_at)), ' ',
      el('strong', null, event.type), ' ', el('code', null, subject), text);
    if (key) entry.dataset.key = key;
    if (existing) existing.replaceWith(entry);
    else $('activity').prepend(entry);
    while ($('activity').children.length > 200) $('activity').lastChild.remove();
    if (event.type !== 'backup.progressed' && event.type.startsWith('backup.')) refreshSoon();
  }

  function describe(type, d) {
    switch (type) {
      case 'backup.progressed': {
        const done = d.bytes_read ?? d.bytes_done;
        const total = d.bytes_expected ?? d.bytes_total;
        const percent = total > 0 ? ' (' + Math.min(100, Math.round((100 * done) / total)) + '%)' : '';
        return d.phase + ': ' + bytes(done) + (total > 0 ? ' of about ' + bytes(total) : '') + percent;
      }
      case 'backup.completed': return bytes(d.size_bytes) + ', ' + bytes(d.stored_bytes) + ' new';
      case 'backup.failed':
      case 'restore.failed': return d.error || '';
      case 'restore.queued':
      case 'restore.started': return 'into ' + (d.target ? d.target.environment : '') + ' from backup ' + d.backup_id;
      case 'restore.completed': return 'into ' + (d.target ? d.target.environment : '') + ' from backup ' + d.backup_id
        + (d.parts || []).map(restored).join('');
      case 'backup.verified': return d.passed ? 'passed' : 'failed';
      case 'backup.retention-assessed': return (d.kept ? 'kept: ' : 'expired: ') + (d.reasons || []).join('; ');
      default: return '';
    }
  }

  // What a restored part holds now, as the API orders it: '; database: tables=12 views=3 routines=4'.
  const FIRST_KINDS = ['tables', 'views', 'routines', 'triggers', 'events', 'keys', 'files'];
  function restored(part) {
    const rank = (kind) => (FIRST_KINDS.includes(kind) ? FIRST_KINDS.indexOf(kind) : FIRST_KINDS.length);
    const kinds = Object.keys(part.objects || {}).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    return kinds.length ? '; ' + part.name + ': ' + kinds.map((k) => k + '=' + part.objects[k]).join(' ') : '';
  }

  function refreshSoon() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(() => run(loadBackups), 500);
  }

  function stopWatching() {
    const stream = state.stream;
    state.stream = null;
    if (stream) stream.abort();
    setWatching(false);
  }

  function setWatching(on) {
    $('watch').disabled = on;
    $('unwatch').disabled = !on;
    $('watch-state').textContent = on ? 'watching live' : '';
  }

  function submit(id, action) {
    $(id).addEventListener('submit', (e) => {
      e.preventDefault();
      run(action);
    });
  }

  submit('token-form', async () => {
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token').value = '';
    tokenState();
    await suggest('projects', '/projects', 'id');
  });
  $('forget').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    stopWatching();
    tokenState();
  });
  $('project').addEventListener('change', () => {
    const project = $('project').value.trim();
    if (project) run(() => suggest('environments', '/projects/' + seg(project) + '/environments', 'name'));
  });
  submit('pick-form', open);
  submit('restore-form', restore);
  $('restore-cancel').addEventListener('click', () => $('restore-dialog').close());
  $('backup').addEventListener('click', () => run(backup));
  $('refresh').addEventListener('click', () => run(loadBackups));
  $('watch').addEventListener('click', () => run(watch));
  $('unwatch').addEventListener('click', stopWatching);

  tokenState();
  if (token()) run(() => suggest('projects', '/projects', 'id'));
})();
