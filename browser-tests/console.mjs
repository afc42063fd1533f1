// Drives the Lifeboat console in headless Chromium against a running Lifeboat, as a user would: paste a
// token, pick an environment, back it up and watch its progress, restore it, upgrade the schedule, and read
// the refusals (no token, a viewer, an inactive environment, a downgrade). Every message the page shows for a
// refusal is compared with what the API itself answers to the same call with the same token.
//
// Run by system-tests' ConsoleBrowserTests; by hand: LB_URL=... LB_PROJECT=... node console.mjs (see below).
// Prints "ok - <step>" per step and, last, "RESULT {json}" with what it created.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error('set ' + name);
  return value;
};
const URL_ = env('LB_URL').replace(/\/$/, '');
const PROJECT = env('LB_PROJECT');
const ENVIRONMENT = env('LB_ENVIRONMENT');
const INACTIVE = env('LB_INACTIVE_ENVIRONMENT');
const ADMIN = env('LB_ADMIN_TOKEN');
const VIEWER = env('LB_VIEWER_TOKEN');
const OUTSIDER = env('LB_OUTSIDER_TOKEN', '');
const MOUNT = env('LB_MOUNT', ''); // a mount of ENVIRONMENT: a file written there after the backup must go
const SHOTS = env('LB_SCREENSHOTS', ''); // where the screenshots for the docs go
const FAILURES = env('LB_FAILURE_DIR', SHOTS); // where a failure's screenshot goes
const CHROMIUM = env('LB_CHROMIUM', '/usr/bin/chromium');
const WAIT = Number(env('LB_WAIT_MS', '60000'));

const result = {};
const step = (name) => console.log('ok - ' + name);

// The API's own answer to a call, for comparison with what the page shows.
async function apiDetail(method, apiPath, token, body) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(URL_ + apiPath, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const problem = await response.json();
  assert.ok(response.status >= 400, method + ' ' + apiPath + ' was expected to be refused, got ' + response.status);
  return { status: response.status, detail: problem.detail };
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifeboat-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 860 },
  timezoneId: 'UTC',
  locale: 'en-GB',
});
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(15000);
const problems = [];
const elsewhere = [];
// a refused call is logged by Chromium as a failed load: those are the refusals the steps expect
const refused = /^Failed to load resource: the server responded with a status of 4\d\d/;
page.on('console', (m) => {
  if (m.type() === 'error' && !refused.test(m.text())) problems.push('console: ' + m.text());
});
page.on('pageerror', (e) => problems.push('page error: ' + e.message));
page.on('request', (r) => { if (!r.url().startsWith(URL_ + '/')) elsewhere.push(r.url()); });

const shot = async (name, dir = SHOTS) => {
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name) });
};
const error = page.locator('#error');
async function expectRefusal(title, expected) {
  await error.waitFor({ state: 'visible' });
  assert.equal(await page.locator('#error-title').textContent(), title);
  assert.equal(await page.locator('#error-detail').textContent(), expected.detail);
  assert.equal(await error.getAttribute('data-status'), String(expected.status));
}
async function open(environment) {
  await page.getByLabel('Project', { exact: true }).fill(PROJECT);
  await page.getByLabel('Environment', { exact: true }).fill(environment);
  await page.getByRole('button', { name: 'Open' }).click();
}
async function useToken(token) {
  const input = page.getByLabel('API token');
  await input.focus();
  await page.keyboard.type(token);
  await page.keyboard.press('Enter'); // the keyboard alone submits
  await page.locator('#token-state').getByText('token kept for this browser tab').waitFor();
}
async function openEnvironment(environment) {
  await open(environment);
  await page.locator('#environment-title').getByText(PROJECT + ' / ' + environment, { exact: true }).waitFor();
}
const backupsPanel = page.locator('#panel-backups');

try {
  await page.goto(URL_ + '/console/');
  assert.equal(await page.title(), 'Lifeboat console');

  // No token: the page shows the API's 401.
  assert.equal(await page.locator('#token-state').textContent(), 'no token');
  await open(ENVIRONMENT);
  await expectRefusal('Not signed in.', await apiDetail('GET', '/projects/' + PROJECT, null));
  step('a caller with no token gets the API\'s 401');

  // Paste a token with the keyboard; the projects it may see are suggested.
  await useToken(ADMIN);
  await page.locator('#projects option[value="' + PROJECT + '"]').waitFor({ state: 'attached' });
  step('paste a token');

  // Every control has an accessible name.
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, button, select')]
    .filter((c) => !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.textContent.trim())
    .map((c) => c.id || c.outerHTML));
  assert.deepEqual(unnamed, []);

  await openEnvironment(ENVIRONMENT);
  await page.locator('#watch-state').getByText('live').waitFor();
  step('pick an environment');

  // The tabs follow the arrow keys.
  await page.getByRole('tab', { name: 'Backups' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('tab', { name: 'Restores' }).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('End');
  assert.equal(await page.getByRole('tab', { name: 'Activity' }).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Home');
  assert.equal(await page.getByRole('tab', { name: 'Backups' }).getAttribute('aria-selected'), 'true');
  assert.ok(await backupsPanel.isVisible());
  step('tabs by keyboard');

  // Back up, live; record every state the progress bar goes through.
  await page.evaluate(() => {
    window.progressSeen = [];
    const record = () => {
      for (const card of document.querySelectorAll('#running .progress')) {
        const bar = card.querySelector('progress');
        window.progressSeen.push({ backup: card.dataset.backup, status: card.dataset.status,
          value: bar.hasAttribute('value') ? bar.value : null, text: bar.getAttribute('aria-valuetext') });
      }
    };
    new MutationObserver(record).observe(document.getElementById('running'),
      { childList: true, subtree: true, attributes: true });
  });
  await backupsPanel.getByRole('button', { name: 'Back up', exact: true }).click();
  const backupDialog = page.getByRole('dialog', { name: /Back up/ });
  const live = backupDialog.getByLabel('Run live backup');
  assert.equal(await live.isChecked(), false, 'a backup is consistent unless asked otherwise');
  await live.check();
  await backupDialog.getByRole('button', { name: 'Back up', exact: true }).click();
  const requested = await page.locator('#notice').getByText(/^Live backup \w+ requested\.$/).textContent();
  const backup = requested.split(' ')[2];
  result.backup = backup;
  const card = page.locator('#running .progress[data-backup="' + backup + '"]');
  await card.waitFor();
  await page.locator('#running .progress[data-backup="' + backup + '"][data-status="COMPLETED"]')
    .waitFor({ timeout: WAIT });
  assert.equal(await card.locator('progress').getAttribute('aria-valuetext').then((t) => t.startsWith('100%')), true);
  const seen = (await page.evaluate(() => window.progressSeen)).filter((s) => s.backup === backup);
  assert.ok(seen.some((s) => s.status === 'RUNNING'), 'the progress bar showed the running backup: '
    + JSON.stringify(seen));
  assert.ok(seen.some((s) => s.status === 'RUNNING' && /parts done/.test(s.text)), 'progress counted the parts');
  assert.equal(seen.at(-1).status, 'COMPLETED');
  assert.equal(seen.at(-1).value, 100);
  result.progress = [...new Set(seen.map((s) => s.status + ' ' + s.value))];
  const row = page.locator('#backups tr[data-backup="' + backup + '"]');
  await row.getByText('COMPLETED', { exact: true }).waitFor({ timeout: WAIT });
  assert.match(await row.textContent(), /live, manual/);
  // retention's reason arrives when the retention service has assessed the backup
  await row.getByText(/^manual 1 of \d+$/).waitFor({ timeout: WAIT });
  await row.getByText('kept until deleted or replaced').waitFor();
  step('take a backup and see it complete with its progress');
  await shot('console-backups.png');

  if (MOUNT) fs.writeFileSync(path.join(MOUNT, 'written-after-the-backup.txt'), 'gone after the restore\n');

  // Restore it into the same environment; the other targets are offered.
  await row.getByRole('button', { name: 'Restore backup ' + backup }).click();
  const restoreDialog = page.getByRole('dialog', { name: /Restore backup/ });
  assert.equal(await restoreDialog.getByLabel(/this environment/).isChecked(), true);
  assert.equal(await restoreDialog.getByLabel('New environment name').isDisabled(), true);
  await restoreDialog.getByLabel('a new branch').check();
  assert.equal(await restoreDialog.getByLabel('New environment name').isEnabled(), true);
  assert.equal(await restoreDialog.getByLabel('Branched from').inputValue(), ENVIRONMENT);
  await restoreDialog.getByLabel('New environment name').fill('feature-x');
  await shot('console-restore.png');
  await restoreDialog.getByLabel('another environment').check();
  assert.equal(await restoreDialog.getByLabel('Target environment').isEnabled(), true);
  assert.equal(await restoreDialog.getByLabel('New environment name').isDisabled(), true);
  await restoreDialog.getByLabel(/this environment/).check();
  await restoreDialog.getByRole('button', { name: 'Restore', exact: true }).click();
  const restoreNotice = await page.locator('#notice').getByText(/^Restore \w+ of backup \w+ into \S+ requested\.$/)
    .textContent();
  const restore = restoreNotice.split(' ')[1];
  assert.equal(restoreNotice, 'Restore ' + restore + ' of backup ' + backup + ' into ' + ENVIRONMENT + ' requested.');
  result.restore = restore;
  const followed = page.locator('#restores-followed [data-restore="' + restore + '"]');
  await page.locator('#restores-followed [data-restore="' + restore + '"][data-status="COMPLETED"]')
    .waitFor({ timeout: WAIT });
  assert.match(await followed.textContent(), /uploads: files=\d+/);
  await page.getByRole('tab', { name: 'Restores' }).click();
  const restoreRow = page.locator('#restores tr[data-restore="' + restore + '"]');
  await restoreRow.getByText('COMPLETED', { exact: true }).waitFor();
  assert.match(await restoreRow.textContent(), new RegExp(backup));
  step('restore it');

  // The schedule: see it, upgrade it; a downgrade is refused with the API's "contact support".
  await page.getByRole('tab', { name: 'Schedule' }).click();
  const schedule = page.locator('#schedule');
  await schedule.getByText('advanced', { exact: true }).waitFor();
  await page.getByLabel(/^Premium: .*\(upgrade\)$/).check();
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await page.locator('#notice').getByText('Backup schedule changed from advanced to premium; it applies from the next slot.')
    .waitFor();
  await schedule.getByText('premium', { exact: true }).waitFor();
  assert.equal(await page.getByLabel(/^Premium: .*\(current\)$/).isChecked(), true);
  step('upgrade the schedule');
  await shot('console-schedule.png');

  await page.getByLabel(/^Advanced: .*\(downgrade: done by support\)$/).check();
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await expectRefusal('Not allowed.', await apiDetail('POST', '/projects/' + PROJECT + '/backup-schedule', ADMIN,
    { schedule: 'advanced' }));
  assert.match(await page.locator('#error-detail').textContent(), /contact support/);
  await shot('console-refused.png');
  step('a downgrade goes through support');

  // An inactive environment: backing it up is refused with the API's message.
  await openEnvironment(INACTIVE);
  assert.match(await page.locator('#environment-summary').textContent(), /inactive/);
  await backupsPanel.getByRole('button', { name: 'Back up', exact: true }).click();
  await backupDialog.getByRole('button', { name: 'Back up', exact: true }).click();
  await expectRefusal('Refused.', await apiDetail('POST', '/projects/' + PROJECT + '/environments/' + INACTIVE
    + '/backups', ADMIN, { safe: true }));
  assert.match(await page.locator('#error-detail').textContent(), /activate the environment first/);
  step('see a refused action\'s message');

  // A viewer: reads the backups, and is refused a backup with the API's 403.
  await page.getByRole('button', { name: 'Forget' }).click();
  assert.equal(await page.locator('#environment-section').isHidden(), true, 'nothing stays from the last token');
  await useToken(VIEWER);
  await openEnvironment(ENVIRONMENT);
  await page.locator('#backups tr[data-backup="' + backup + '"]').getByText('COMPLETED', { exact: true }).waitFor();
  await backupsPanel.getByRole('button', { name: 'Back up', exact: true }).click();
  await backupDialog.getByRole('button', { name: 'Back up', exact: true }).click();
  await expectRefusal('Not allowed.', await apiDetail('POST', '/projects/' + PROJECT + '/environments/' + ENVIRONMENT
    + '/backups', VIEWER, { safe: true }));
  step('a viewer gets the API\'s 403');

  if (OUTSIDER) {
    await page.getByRole('button', { name: 'Forget' }).click();
    await useToken(OUTSIDER);
    await open(ENVIRONMENT);
    await expectRefusal('Not found.', await apiDetail('GET', '/projects/' + PROJECT, OUTSIDER));
    assert.equal(await page.locator('#environment-section').isHidden(), true);
    step('a token of another project sees nothing of this one');
  }

  assert.deepEqual(elsewhere, [], 'the console loads nothing from elsewhere');
  assert.deepEqual(problems, [], 'no script error and no Content-Security-Policy violation');
  console.log('RESULT ' + JSON.stringify(result));
} catch (e) {
  await shot('console-failure.png', FAILURES).catch(() => {});
  console.error('not ok - ' + (e.stack || e));
  console.error('page problems: ' + JSON.stringify(problems));
  console.error('page error box: ' + (await error.textContent().catch(() => '?')));
  process.exitCode = 1;
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
