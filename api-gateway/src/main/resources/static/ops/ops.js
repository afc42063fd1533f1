// The Lifeboat ops view: reads GET /ops/fleet every 5 s and shows it. Plain DOM; server data only as text.
'use strict';

(() => {
  const TOKEN_KEY = 'lifeboat.token'; // the console's: a token pasted in one serves the other
  const $ = (id) => document.getElementById(id);
  const token = () => sessionStorage.getItem(TOKEN_KEY) || '';
  let timer = null;

  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  const when = (instant) => instant ? new Date(instant).toLocaleString() : '—';
  const where = (item) => item.project + '/' + item.environment;

  function fill(table, rows, columns, empty) {
    const body = $(table).tBodies[0];
    body.replaceChildren();
    if (rows.length === 0) {
      const cell = el('td', 'empty', empty);
      cell.colSpan = $(table).tHead.rows[0].cells.length;
      body.append(el('tr', null, cell));
      return;
    }
    for (const row of rows) body.append(el('tr', null, ...columns(row).map((c) => el('td', null, c))));
  }

  function progress(backup) {
    if (!backup.phase) return '—';
    if (backup.bytes_expected > 0) {
      const bar = el('progress');
      bar.max = backup.bytes_expected;
      bar.value = Math.min(backup.bytes_read, backup.bytes_expected);
      bar.setAttribute('aria-label', 'bytes read of the previous backup\'s size');
      return el('span', null, bar, ' ' + backup.phase);
    }
    return backup.phase + ', ' + backup.bytes_read + ' bytes';
  }

  function show(view) {
    fill('running', view.running_backups, (b) => [where(b), b.backup_id, b.status, b.trigger || '—',
      when(b.started_at || b.requested_at || b.queued_at), progress(b)], 'No backup is running.');
    fill('failed', view.failed_backups, (f) => [where(f), f.backup_id, f.trigger || '—', when(f.failed_at),
      el('span', 'bad', f.error || '')], 'No backup failed in the last 24 h.');
    fill('late', view.out_of_schedule, (o) => [where(o),
      (o.schedule || 'inferred') + ' (' + o.interval + ')', when(o.last_successful_backup_at),
      el('span', 'bad', when(o.due_by))], 'Every production environment is on schedule.');
    fill('restores', view.running_restores.concat(view.recent_restores), (r) => [where(r), r.restore_id,
      r.backup_id || '—', r.status, when(r.ended_at || r.started_at || r.requested_at || r.queued_at),
      r.error ? el('span', 'bad', r.error + (r.target_state ? ' (target: ' + r.target_state + ')' : '')) : ''],
      'No restore running or in the last 24 h.');
    $('state').textContent = (view.caught_up ? 'Live' : 'Rebuilding from the topics…') + ', as of '
      + when(view.as_of) + '.';
  }

  async function refresh() {
    clearTimeout(timer);
    if (!token()) {
      $('state').textContent = 'Paste an API token to see the fleet.';
      return;
    }
    try {
      const response = await fetch('/ops/fleet', { cache: 'no-store',
        headers: { Accept: 'application/json', Authorization: 'Bearer ' + token() } });
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        throw new Error(body && typeof body.detail === 'string' ? body.detail : response.status + ' ' + response.statusText);
      }
      show(await response.json());
      $('error').hidden = true;
    } catch (e) {
      $('error').textContent = e.message;
      $('error').hidden = false;
    }
    timer = setTimeout(refresh, 5000);
  }

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token').value = '';
    refresh();
  });
  $('forget').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    clearTimeout(timer);
    ['running', 'failed', 'late', 'restores'].forEach((t) => $(t).tBodies[0].replaceChildren());
    refresh();
  });
  refresh();
})();
