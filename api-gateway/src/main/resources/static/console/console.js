// The Lifeboat console: plain DOM, no build step. Server data is only ever set as text, never as HTML.
'use strict';

(() => {
  const TOKEN_KEY = 'lifeboat.token';
  const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
  const $ = (id) => document.getElementById(id);
  const seg = encodeURIComponent;
  const state = {
    project: null, environment: null, env: null, schedule: null, backups: [],
    stream: null, refreshTimer: null, pollTimer: null, catchUpTimer: null, restoring: null,
    progress: new Map(), // backup id -> what the activity stream told about it
    tracked: new Map(), // restore id -> the restore as last seen, for restores started here
  };

  // What each schedule keeps (the reference platform's table); the API's GET tells the current one exactly.
  const SCHEDULES = {
    basic: 'Basic: 2 manual backups; 2 daily automated backups',
    advanced: 'Advanced: 4 manual backups; 21 automated (6 daily, 3 weekly, 12 monthly)',
    premium: 'Premium: 4 manual backups; 44 automated (3 in the last 24 hours, 30 daily, 11 monthly)',
  };
  const TIERS = { professional: ['basic', 'advanced'], enterprise: ['advanced', 'premium'],
    elite: ['advanced', 'premium'] };
  const RANK = ['basic', 'advanced', 'premium'];

  class ApiError extends Error {
    constructor(status, problem, retryAfter) {
      super(problem.detail);
      this.status = status;
      this.type = problem.type || '';
      this.field = problem.field || null;
      this.retryAfter = retryAfter;
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
    const known = body && typeof body.detail === 'string';
    return new ApiError(response.status, known ? body : { detail: response.status + ' ' + response.statusText },
      response.headers.get('Retry-After'));
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

  // Messages: each error names what kind of refusal it is, then shows the API's own detail.
  const TITLES = { 400: 'Invalid request.', 401: 'Not signed in.', 403: 'Not allowed.', 404: 'Not found.',
    409: 'Refused.', 413: 'Too large.', 422: 'Refused.', 429: 'Limit reached.' };

  function title(e) {
    if (!(e instanceof ApiError)) return 'No answer.';
    if (e.status === 503) return e.type.endsWith('too-many-streams') ? 'Limit reached.' : 'Unavailable.';
    return TITLES[e.status] || (e.status >= 500 ? 'Server error.' : 'Refused.');
  }

  function hint(e) {
    if (!(e instanceof ApiError)) return 'The gateway could not be reached.';
    const hints = [];
    if (e.field) hints.push('Field: ' + e.field + '.');
    if (e.retryAfter) hints.push('Try again in ' + e.retryAfter + ' s.');
    if (e.status === 401) hints.push('Paste an API token above.');
    return hints.join(' ');
  }

  function showError(e) {
    $('error-title').textContent = title(e);
    $('error-detail').textContent = e instanceof Error ? e.message : String(e);
    $('error-hint').textContent = hint(e);
    $('error').dataset.status = e instanceof ApiError ? String(e.status) : '';
    $('error').hidden = false;
    notice(''); // a success message from before would read as if this had worked
  }

  function clearError() {
    $('error').hidden = true;
    $('error').dataset.status = '';
  }

  function notice(text) {
    $('notice').textContent = text || '';
    $('notice').hidden = !text;
  }

  // A user's action: the message of the one before goes.
  async function run(action) {
    clearError();
    await quietly(action);
  }

  // A refresh of the page's own (timers, the stream): it leaves the message of the user's last action.
  async function quietly(action) {
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

  const projectPath = () => '/projects/' + seg(state.project);
  const environmentPath = () => projectPath() + '/environments/' + seg(state.environment);
  const running = (b) => b.status === 'PENDING' || b.status === 'IN_PROGRESS';

  function fillList(id, items, name) {
    $(id).replaceChildren(...items.map((item) => {
      const option = document.createElement('option');
      option.value = typeof item === 'string' ? item : String(item[name]);
      return option;
    }));
  }

  // The lists only suggest: the inputs can be typed by hand.
  async function suggest(id, path, name) {
    try {
      const items = await api('GET', path);
      fillList(id, Array.isArray(items) ? items : [], name);
    } catch (e) {
      fillList(id, [], name);
    }
  }

  // ---- token and environment -------------------------------------------------------------------------

  function tokenState() {
    $('token-state').textContent = token() ? 'token kept for this browser tab' : 'no token';
  }

  // A new token (or none) sees only what its own answers show: nothing loaded with the previous one stays.
  function reset() {
    stopWatching();
    clearTimeout(state.pollTimer);
    clearTimeout(state.catchUpTimer);
    Object.assign(state, { project: null, environment: null, env: null, schedule: null, backups: [] });
    state.progress.clear();
    state.tracked.clear();
    for (const id of ['backups', 'restores', 'running', 'activity', 'schedule', 'schedule-choices']) {
      $(id).replaceChildren();
    }
    $('environment-section').hidden = true;
    notice('');
  }

  async function useToken() {
    const value = $('token').value.trim();
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
    $('token').value = '';
    reset();
    tokenState();
    fillList('projects', [], 'id');
    if (!token()) return;
    try {
      const projects = await api('GET', '/projects');
      fillList('projects', Array.isArray(projects) ? projects : [], 'id');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e; // a token the gateway does not know
    }
  }

  async function open() {
    const project = $('project').value.trim();
    const environment = $('environment').value.trim();
    reset();
    await api('GET', '/projects/' + seg(project));
    const env = await api('GET', '/projects/' + seg(project) + '/environments/' + seg(environment));
    Object.assign(state, { project, environment, env });
    $('environment-title').textContent = project + ' / ' + environment;
    const parts = (env.services || []).map((s) => s.name + ' (' + s.type + ')')
      .concat((env.mounts || []).map((m) => m.name + ' (mount)'), env.code ? ['code ' + env.code.commit] : []);
    $('environment-summary').textContent = [env.type, env.status, parts.join(', ')].filter(Boolean).join(' · ');
    $('environment-section').hidden = false;
    select('tab-backups', false);
    suggest('environments', projectPath() + '/environments', 'name');
    await Promise.all([loadBackups(), loadSchedule().catch(() => null)]);
    watch();
  }

  // ---- tabs ---------------------------------------------------------------------------------------------

  const tabs = () => [...document.querySelectorAll('[role=tab]')];

  function select(id, focus) {
    for (const tab of tabs()) {
      const on = tab.id === id;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !on;
      if (on && focus) tab.focus();
    }
    if (!state.project) return;
    if (id === 'tab-restores') run(loadRestores);
    if (id === 'tab-schedule') run(loadSchedule);
  }

  function tabKeys(e) {
    const all = tabs();
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    select(all[(to + all.length) % all.length].id, true);
  }

  // ---- backups -----------------------------------------------------------------------------------------

  async function loadBackups() {
    const backups = (await api('GET', environmentPath() + '/backups?limit=50')) || [];
    state.backups = backups;
    $('backups').replaceChildren(...backups.map(row));
    $('no-backups').hidden = backups.length > 0;
    for (const b of backups) {
      const p = state.progress.get(b.id);
      if (running(b) || (p && p.shown)) track(b);
    }
    renderProgress();
    allowance();
    pollWhileRunning();
    catchUp();
  }

  // The stream can be ahead of the catalog (both follow the same topics): while a backup the stream saw end
  // is still listed as running, or a backup completed in the last minutes has no retention verdict yet, the
  // list is read again shortly.
  function catchUp() {
    clearTimeout(state.catchUpTimer);
    const recent = (b) => b.completed_at && Date.now() - new Date(b.completed_at).getTime() < 120000;
    const behind = state.backups.some((b) => {
      const p = state.progress.get(b.id);
      return (running(b) && p && p.status !== 'RUNNING')
        || (b.status === 'COMPLETED' && !(b.retention || []).length && recent(b));
    });
    if (behind) state.catchUpTimer = setTimeout(() => quietly(loadBackups), 1000);
  }

  // Without the activity stream, running backups are polled: their parts' statuses still show progress.
  function pollWhileRunning() {
    clearTimeout(state.pollTimer);
    if (!state.stream && state.backups.some(running)) {
      state.pollTimer = setTimeout(() => quietly(loadBackups), 2000);
    }
  }

  function manualAllowance() {
    const s = state.schedule;
    if (!s || !state.env) return null;
    return state.env.type === 'production' ? s.manual_backups : Math.min(s.preview_manual_backups, s.manual_backups);
  }

  function allowance() {
    const limit = manualAllowance();
    const kept = state.backups.filter((b) => !b.automated && b.trigger !== 'tombstone' && b.status === 'COMPLETED');
    const text = limit === null ? '' : 'Manual backups: ' + Math.min(kept.length, limit) + ' of ' + limit + ' kept.'
      + (kept.length >= limit ? ' The limit is reached: a new one replaces the oldest once it completes.' : '');
    $('manual-allowance').textContent = text;
    $('backup-allowance').textContent = text;
  }

  function retention(b) {
    const cell = el('td');
    for (const reason of Array.isArray(b.retention) ? b.retention : []) cell.append(el('div', null, reason));
    if (b.expires_at) cell.append(el('div', 'muted', 'expires ' + when(b.expires_at)));
    else if (b.status === 'COMPLETED' && !b.automated) cell.append(el('div', 'muted', 'kept until deleted or replaced'));
    return cell;
  }

  function row(b) {
    const status = el('td', null, el('span', 'status status-' + String(b.status).toLowerCase(), b.status));
    if (b.verification) {
      status.append(el('div', 'status-' + String(b.verification.status).toLowerCase(),
        'verification ' + b.verification.status));
    }
    if (b.error) status.append(el('div', 'error', b.error));
    const parts = el('td', null, ...(b.services || []).map((s) =>
      el('div', null, s.name + ' (' + s.type + ') ' + s.status + ' ' + bytes(s.bytes))));
    const actions = el('td', 'row-actions');
    if (b.status === 'COMPLETED') {
      actions.append(button('Restore', 'Restore backup ' + b.id, () => askRestore(b)),
        button('Verify', 'Verify backup ' + b.id, () => verify(b)));
    }
    if (b.status !== 'DELETING') actions.append(button('Delete', 'Delete backup ' + b.id, () => remove(b)));
    const tr = el('tr', null, el('td', null, el('code', null, b.id)), status,
      el('td', null, (b.safe ? 'consistent' : 'live') + ', ' + (b.automated ? 'automated' : 'manual')),
      el('td', null, when(b.created_at)), el('td', null, when(b.completed_at)), retention(b),
      el('td', null, bytes(b.size_of_volumes)), parts, actions);
    tr.dataset.backup = b.id;
    return tr;
  }

  function button(label, name, action) {
    const b = el('button', null, label);
    b.type = 'button';
    b.setAttribute('aria-label', name);
    b.addEventListener('click', () => run(action));
    return b;
  }

  function askBackup() {
    $('backup-target').textContent = state.project + ' / ' + state.environment;
    $('live').checked = false;
    allowance();
    $('backup-dialog').showModal();
  }

  async function backup() {
    const live = $('live').checked;
    $('backup-dialog').close();
    for (const [id, p] of state.progress) if (p.status !== 'RUNNING') state.progress.delete(id);
    const created = await api('POST', environmentPath() + '/backups', { safe: !live });
    track(created);
    renderProgress();
    notice((live ? 'Live' : 'Consistent') + ' backup ' + created.id + ' requested.');
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

  // ---- progress ----------------------------------------------------------------------------------------

  // Merges what the catalog says about a backup into its progress entry.
  function track(b) {
    const p = entry(b.id);
    p.total = Math.max(p.total, (b.services || []).length);
    for (const s of b.services || []) if (s.status === 'COMPLETED') p.done.add(s.name);
    if (b.status === 'IN_PROGRESS' && p.phase === 'queued') p.phase = 'running';
    if (b.status === 'COMPLETED' || b.status === 'FAILED') finish(p, b.status, b.error, b.size_of_volumes);
  }

  function entry(id) {
    if (!state.progress.has(id)) {
      state.progress.set(id, { id, phase: 'queued', bytes: 0, expected: 0, total: 0, done: new Set(),
        status: 'RUNNING', shown: true, text: '' });
    }
    return state.progress.get(id);
  }

  function finish(p, status, error, size) {
    if (p.status !== 'RUNNING') return;
    p.status = status;
    p.phase = status === 'COMPLETED' ? 'completed' : 'failed';
    p.text = status === 'COMPLETED' ? (size ? bytes(size) + ' backed up' : '') : error || '';
  }

  function percent(p) {
    if (p.status === 'COMPLETED') return 100;
    if (p.expected > 0) return Math.min(99, Math.round((100 * p.bytes) / p.expected));
    if (p.total > 0) return Math.min(99, Math.round((100 * p.done.size) / p.total));
    return null;
  }

  function renderProgress() {
    const cards = [...state.progress.values()].filter((p) => p.shown).map((p) => {
      const value = percent(p);
      const bar = el('progress');
      bar.id = 'progress-' + p.id;
      bar.max = 100;
      if (value !== null && p.phase !== 'queued') bar.value = value;
      const parts = p.total > 0 ? p.done.size + ' of ' + p.total + ' parts done' : '';
      const read = p.bytes > 0 ? bytes(p.bytes) + ' read' + (p.expected > 0 ? ' of about ' + bytes(p.expected) : '') : '';
      const description = [p.phase === 'queued' ? 'waiting for its turn' : '', parts, read, p.text]
        .filter(Boolean).join(' · ');
      bar.setAttribute('aria-valuetext', (value === null ? '' : value + '%, ') + description);
      const label = el('label', null, 'Backup ', el('code', null, p.id), ': ' + p.phase);
      label.htmlFor = bar.id;
      const card = el('div', 'progress status-' + p.status.toLowerCase(), label, bar,
        el('div', 'muted', (value === null ? '' : value + '% · ') + description));
      card.dataset.backup = p.id;
      card.dataset.status = p.status;
      return card;
    });
    $('running').replaceChildren(...cards);
  }

  function progressed(type, d) {
    if (!d.backup_id) return;
    const known = state.progress.has(d.backup_id);
    if (!known && !['backup.requested', 'backup.queued', 'backup.started'].includes(type)) return;
    const p = entry(d.backup_id);
    switch (type) {
      case 'backup.requested': p.total = Math.max(p.total, (d.parts || []).length); break;
      case 'backup.started': p.phase = 'started'; break;
      case 'backup.hold-started': p.phase = 'holding writes'; break;
      case 'backup.hold-released': p.phase = 'writes released'; break;
      case 'backup.progressed':
        p.phase = d.phase || p.phase;
        p.bytes = Math.max(p.bytes, d.bytes_read || 0);
        p.expected = d.bytes_expected || 0;
        break;
      case 'backup.part-completed': if (d.part) p.done.add(d.part.name); break;
      case 'backup.completed': finish(p, 'COMPLETED', null, d.size_bytes); break;
      case 'backup.failed': finish(p, 'FAILED', d.error, null); break;
      default: return;
    }
    renderProgress();
  }

  // ---- restores ----------------------------------------------------------------------------------------

  function askRestore(b) {
    state.restoring = b;
    $('restore-backup').textContent = b.id;
    $('restore-same').textContent = state.environment;
    document.querySelector('input[name=restore-into][value=same]').checked = true;
    $('restore-other').value = '';
    $('restore-branch').value = '';
    $('restore-branch-from').value = state.environment;
    $('restore-code').checked = true;
    $('restore-definers').checked = false;
    restoreInto();
    $('restore-dialog').showModal();
  }

  function restoreInto() {
    const into = document.querySelector('input[name=restore-into]:checked').value;
    for (const [id, on] of [['restore-other', into === 'other'], ['restore-branch', into === 'branch'],
      ['restore-branch-from', into === 'branch']]) {
      $(id).disabled = !on;
      $(id).required = on;
    }
  }

  function named(id, what) {
    const value = $(id).value.trim();
    if (!NAME.test(value)) {
      $('restore-dialog').close();
      throw new Error(what + ' must be a name of lower-case letters, digits, - and _ (up to 63 characters).');
    }
    return value;
  }

  async function restore() {
    const b = state.restoring;
    const into = document.querySelector('input[name=restore-into]:checked').value;
    const body = { restore_code: $('restore-code').checked };
    if ($('restore-definers').checked) body.replace_missing_definers = true;
    let target = state.environment;
    if (into === 'other') target = body.environment_name = named('restore-other', 'The target environment');
    if (into === 'branch') {
      target = body.environment_name = named('restore-branch', 'The new environment');
      body.branch_from = named('restore-branch-from', 'The environment to branch from');
    }
    $('restore-dialog').close();
    const accepted = await api('POST', environmentPath() + '/backups/' + seg(b.id) + '/restore', body);
    state.tracked.set(accepted.id, accepted);
    notice('Restore ' + accepted.id + ' of backup ' + b.id + ' into ' + target + ' requested.');
    renderTracked();
    followRestores();
  }

  // Restores started here are followed until they end, whichever environment they restore into.
  function followRestores() {
    const open = [...state.tracked.values()].filter((r) => r.status === 'PENDING' || r.status === 'IN_PROGRESS');
    if (!open.length) return;
    setTimeout(() => quietly(async () => {
      for (const r of open) state.tracked.set(r.id, await api('GET', projectPath() + '/restores/' + seg(r.id)));
      renderTracked();
      if (!$('panel-restores').hidden) await loadRestores();
      followRestores();
    }), 1500);
  }

  function renderTracked() {
    const lines = [...state.tracked.values()].map((r) => {
      const line = el('p', 'message ' + (r.status === 'FAILED' ? 'error' : 'notice'),
        'Restore ', el('code', null, r.id), ' into ' + r.environment + ': ', el('strong', null, r.status),
        r.status === 'COMPLETED' ? brought(r.parts) : '', r.error ? ': ' + r.error : '');
      line.dataset.restore = r.id;
      line.dataset.status = r.status;
      return line;
    });
    $('restores-followed').replaceChildren(...lines);
  }

  async function loadRestores() {
    const restores = (await api('GET', environmentPath() + '/restores?limit=50')) || [];
    $('restores').replaceChildren(...restores.map((r) => {
      const status = el('td', null, el('span', 'status status-' + String(r.status).toLowerCase(), r.status));
      if (r.error) status.append(el('div', 'error', r.error));
      if (r.code_note) status.append(el('div', 'muted', r.code_note));
      const tr = el('tr', null, el('td', null, el('code', null, r.id)), status,
        el('td', null, el('code', null, r.backup_id), ' of ' + (r.source_project ? r.source_project + '/' : '')
          + r.source_environment), el('td', null, r.environment + (r.restore_code ? ', with code' : ', data only')),
        el('td', null, when(r.created_at)), el('td', null, when(r.completed_at)),
        el('td', null, ...(r.parts || []).map((p) => el('div', null, brought([p]).replace(/^; /, '')))));
      tr.dataset.restore = r.id;
      return tr;
    }));
    $('no-restores').hidden = restores.length > 0;
  }

  // What restored parts hold now, as the API orders it: '; database: tables=12 views=3 routines=4'.
  const FIRST_KINDS = ['tables', 'views', 'routines', 'triggers', 'events', 'keys', 'files'];
  function brought(parts) {
    const rank = (kind) => (FIRST_KINDS.includes(kind) ? FIRST_KINDS.indexOf(kind) : FIRST_KINDS.length);
    return (parts || []).map((part) => {
      const kinds = Object.keys(part.objects || {}).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
      return kinds.length ? '; ' + part.name + ': ' + kinds.map((k) => k + '=' + part.objects[k]).join(' ') : '';
    }).join('');
  }

  // ---- schedule ----------------------------------------------------------------------------------------

  async function loadSchedule() {
    const s = await api('GET', projectPath() + '/backup-schedule');
    state.schedule = s;
    $('schedule-project').textContent = s.project;
    const facts = [
      ['Tier', s.tier], ['Plan', s.plan], ['Current schedule', s.schedule], ['Time zone', s.timezone],
      ['Automated backups', s.automated_backups > 0 ? s.automated_backups + ' kept, taken at '
        + s.automated_times.join(', ') + ' (live), production only' : 'none (a development plan)'],
      ['Automated backups kept per interval', (s.retention || []).join(', ')],
      ['Manual backups kept', s.manual_backups + ' per production environment, '
        + s.preview_manual_backups + ' per other environment'],
      ['Upgrades', s.upgrades.length ? s.upgrades.join(', ') : 'none: this is the highest schedule of the tier'],
    ];
    $('schedule').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', null, k), el('dd', null, v)]));
    const offered = TIERS[s.tier] || [s.schedule, ...s.upgrades];
    $('schedule-choices').replaceChildren(...offered.map((name) => {
      const input = el('input');
      input.type = 'radio';
      input.name = 'schedule';
      input.value = name;
      input.checked = name === s.schedule;
      const change = name === s.schedule ? 'current' : RANK.indexOf(name) > RANK.indexOf(s.schedule) ? 'upgrade'
        : 'downgrade: done by support';
      return el('label', 'check', input, SCHEDULES[name] || name, el('span', 'choice-hint', '(' + change + ')'));
    }));
    allowance();
  }

  async function changeSchedule() {
    const chosen = document.querySelector('input[name=schedule]:checked');
    if (!chosen || chosen.value === state.schedule.schedule) {
      notice('The project is already on the ' + state.schedule.schedule + ' schedule.');
      return;
    }
    const before = state.schedule.schedule;
    const s = await api('POST', projectPath() + '/backup-schedule', { schedule: chosen.value });
    notice('Backup schedule changed from ' + before + ' to ' + s.schedule + '; it applies from the next slot.');
    await loadSchedule();
  }

  // ---- activity ----------------------------------------------------------------------------------------

  // EventSource cannot send the Authorization header, so the stream is read with fetch.
  async function watch() {
    stopWatching();
    if (!state.project) return;
    const controller = new AbortController();
    state.stream = controller;
    $('watch-state').textContent = 'connecting…'; // the gateway answers with the first event or heartbeat
    $('watch').disabled = true;
    const path = projectPath() + '/activity?environment=' + seg(state.environment);
    let ended = false;
    try {
      const response = await fetch(path, { headers: headers('text/event-stream'), signal: controller.signal,
        cache: 'no-store' });
      if (!response.ok) throw await problem(response);
      setWatching(true);
      clearTimeout(state.pollTimer);
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
        pollWhileRunning();
        if (ended) setTimeout(() => quietly(watch), 1000); // the server ends streams after a while: reconnect
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
    progressed(event.type, data);
    log(event.type, data);
    if (event.type.startsWith('backup.') && event.type !== 'backup.progressed') refreshSoon(loadBackups);
    if (event.type.startsWith('restore.')) {
      if (state.tracked.has(data.restore_id)) refreshTracked(data.restore_id);
      if (!$('panel-restores').hidden) refreshSoon(loadRestores);
    }
  }

  async function refreshTracked(id) {
    await quietly(async () => state.tracked.set(id, await api('GET', projectPath() + '/restores/' + seg(id))));
    renderTracked();
  }

  function log(type, data) {
    const subject = data.restore_id ? 'restore ' + data.restore_id : data.backup_id ? 'backup ' + data.backup_id : '';
    const key = type === 'backup.progressed' ? 'progress-' + data.backup_id : null;
    const existing = key && [...$('activity').children].find((li) => li.dataset.key === key);
    const entry = el('li', null, el('time', 'muted', when(data.occurred_at)), ' ',
      el('strong', null, type), ' ', el('code', null, subject), el('span', null, ' ', describe(type, data)));
    if (key) entry.dataset.key = key;
    if (existing) existing.replaceWith(entry);
    else $('activity').prepend(entry);
    while ($('activity').children.length > 200) $('activity').lastChild.remove();
  }

  function describe(type, d) {
    switch (type) {
      case 'backup.progressed': return d.phase + ': ' + bytes(d.bytes_read) + ' read';
      case 'backup.part-completed': return d.part ? d.part.name + ' ' + bytes(d.part.bytes) : '';
      case 'backup.completed': return bytes(d.size_bytes) + ', ' + bytes(d.stored_bytes) + ' new';
      case 'backup.failed':
      case 'restore.failed': return d.error || '';
      case 'restore.queued':
      case 'restore.started': return 'into ' + (d.target ? d.target.environment : '') + ' from backup ' + d.backup_id;
      case 'restore.completed': return 'into ' + (d.target ? d.target.environment : '') + ' from backup ' + d.backup_id
        + brought(d.parts);
      case 'backup.verified': return d.passed ? 'passed' : 'failed';
      case 'backup.retention-assessed': return (d.kept ? 'kept: ' : 'expired: ') + (d.reasons || []).join('; ');
      default: return '';
    }
  }

  function refreshSoon(load) {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(() => quietly(load), 300);
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
    $('watch-state').textContent = on ? 'live' : '';
  }

  // ---- wiring ------------------------------------------------------------------------------------------

  function submit(id, action) {
    $(id).addEventListener('submit', (e) => {
      e.preventDefault();
      run(action);
    });
  }

  submit('token-form', useToken);
  $('forget').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    reset();
    fillList('projects', [], 'id');
    tokenState();
  });
  $('project').addEventListener('change', () => {
    const project = $('project').value.trim();
    if (NAME.test(project)) suggest('environments', '/projects/' + seg(project) + '/environments', 'name');
  });
  submit('pick-form', open);
  submit('backup-form', backup);
  submit('restore-form', restore);
  submit('schedule-form', changeSchedule);
  for (const radio of document.querySelectorAll('input[name=restore-into]')) {
    radio.addEventListener('change', restoreInto);
  }
  $('backup-cancel').addEventListener('click', () => $('backup-dialog').close());
  $('restore-cancel').addEventListener('click', () => $('restore-dialog').close());
  $('backup').addEventListener('click', askBackup);
  $('refresh').addEventListener('click', () => run(loadBackups));
  $('refresh-restores').addEventListener('click', () => run(loadRestores));
  $('watch').addEventListener('click', () => run(watch));
  $('unwatch').addEventListener('click', () => {
    stopWatching();
    pollWhileRunning();
  });
  $('tabs').addEventListener('keydown', tabKeys);
  for (const tab of tabs()) tab.addEventListener('click', () => select(tab.id, false));

  tokenState();
  if (token()) suggest('projects', '/projects', 'id');
})();
