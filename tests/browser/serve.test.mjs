// Opens the what-if page of `borderflow serve` in Debian's headless chromium (playwright-core,
// never a browser download): the first answer arrives, a lever moved gets a new answer, the
// changed side's headline number equals `borderflow run` of the command the page shows (same
// scenario, same seed), and nothing is fetched from anywhere but the server. Saves
// screenshots.
//
// Environment:
//   BF_SERVE_URL       the page, e.g. http://127.0.0.1:41234/ (required; skipped without it)
//   BORDERFLOW_BIN     the borderflow binary, for the CLI run (required with BF_SERVE_URL)
//   BF_REPO            the repository root, where the page's command runs (default: cwd/../..)
//   BF_SCREENSHOT_DIR  where screenshots go (default: a fresh temp folder)
//   CHROMIUM           the browser (default /usr/bin/chromium)

import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';

const url = process.env.BF_SERVE_URL;
const bin = process.env.BORDERFLOW_BIN;
const repo = process.env.BF_REPO || path.resolve(process.cwd(), '..', '..');
const shots = process.env.BF_SCREENSHOT_DIR ||
    fs.mkdtempSync(path.join(os.tmpdir(), 'bf-browser-shots-'));
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

// The sum of a days.csv column: a whole-run flow as `compare` and the page sum it.
function columnSum(csvFile, column) {
  const [header, ...rows] = fs.readFileSync(csvFile, 'utf8').trim().split('\n');
  const i = header.split(',').indexOf(column);
  assert.ok(i >= 0, `days.csv has ${column}`);
  return rows.reduce((sum, row) => sum + Number(row.split(',')[i]), 0);
}

// Waits until the page has drawn answer number `run` (the status carries the count).
async function answer(page, run) {
  await page.waitForFunction((n) => {
    const s = document.getElementById('status');
    return s.dataset.state === 'error' || Number(s.dataset.run || 0) >= n;
  }, run, {timeout: 60000});
  const status = page.locator('#status');
  assert.equal(await status.getAttribute('data-state'), 'done', await status.textContent());
}

test('a lever moved on the what-if page answers, and matches the CLI', {skip: !url},
     async () => {
       assert.ok(bin, 'BORDERFLOW_BIN is set');
       const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bf-chromium-profile-'));
       const context = await chromium.launchPersistentContext(userDataDir, {
         executablePath,
         headless: true,
         viewport: {width: 1300, height: 1100},
         args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                '--disable-component-update', '--disable-sync', '--no-first-run'],
       });
       const problems = [];
       try {
         const page = context.pages()[0] || await context.newPage();
         page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
         page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
         const origin = new URL(url).origin;
         page.on('request', (r) => {
           if (!r.url().startsWith(origin)) problems.push(`request elsewhere: ${r.url()}`);
         });
         await page.goto(url, {waitUntil: 'load'});
         await answer(page, 1);
         assert.equal(await page.locator('#sector-charts svg').count(), 9, 'nine sector charts');
         assert.ok(await page.locator('#border svg, svg#border').count() === 1, 'border chart');

         // One replication, so the page's mean is replication 0, which `run` simulates.
         await page.selectOption('#replications', '1');
         await answer(page, 2);
         const started = Date.now();
         await page.locator('#mexico-multiplier').fill('0.8');
         await answer(page, 3);
         const seconds = (Date.now() - started) / 1000;
         console.log(`what-if page: a lever change answered in ${seconds.toFixed(2)} s ` +
                     '(1 replication, baseline cached)');
         await page.screenshot({path: path.join(shots, 'serve-top.png')});
         await page.screenshot({path: path.join(shots, 'serve-full.png'), fullPage: true});

         const command = (await page.locator('#command').textContent()).trim();
         assert.match(command, /--set policies\.what_if_mexico_enforcement\.arrivals_multiplier=0\.8/);
         const released = Number(
             await page.locator('[data-metric="released"] .changed').getAttribute('data-value'));
         const difference = Number(
             await page.locator('[data-metric="released"] .difference').getAttribute('data-value'));
         assert.ok(Number.isFinite(released) && released > 0, 'a released headline');
         assert.ok(difference < 0, 'fewer arrivals, fewer releases');

         // The page's own command line, with the CLI: same scenario, same seed.
         const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bf-serve-cli-'));
         const args = command.split(' ').slice(1);
         execFileSync(bin, [...args, '--out', path.join(out, 'run'), '--quiet', '--no-report'],
                      {cwd: repo, stdio: 'ignore'});
         execFileSync(bin, ['run', args[1], '--out', path.join(out, 'base'), '--quiet',
                            '--no-report'], {cwd: repo, stdio: 'ignore'});
         const cliChanged = columnSum(path.join(out, 'run', 'days.csv'), 'released');
         const cliBase = columnSum(path.join(out, 'base', 'days.csv'), 'released');
         fs.rmSync(out, {recursive: true, force: true});
         assert.equal(released, cliChanged, 'changed side = borderflow run of the command');
         assert.equal(difference, cliChanged - cliBase, 'difference = run B − run A');
         const shown = await page.locator('[data-metric="released"] .changed .value').textContent();
         assert.equal(shown, Math.round(cliChanged).toLocaleString('en-US'));
         assert.deepEqual(problems, [], 'no console errors, page errors or outside requests');
       } finally {
         await context.close();
         fs.rmSync(userDataDir, {recursive: true, force: true});
       }
     });
