// Opens borderflow's HTML report in Debian's headless chromium, driven by playwright-core
// (never a browser download), and checks that every chart rendered, that nothing was fetched
// from the network and nothing logged an error, that hovering shows a tooltip, and that the
// page prints to PDF. Saves screenshots.
//
// Environment:
//   BF_REPORT          report of one run (required)
//   BF_COMPARE_REPORT  report of a comparison (optional; tested when set)
//   BF_SCREENSHOT_DIR  where screenshots and the PDF go (default: a fresh temp folder)
//   CHROMIUM           the browser (default /usr/bin/chromium)

import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {chromium} from 'playwright-core';

const report = process.env.BF_REPORT;
const compareReport = process.env.BF_COMPARE_REPORT;
const shots = process.env.BF_SCREENSHOT_DIR ||
    fs.mkdtempSync(path.join(os.tmpdir(), 'bf-browser-shots-'));
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

async function withPage(file, fn) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bf-chromium-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: {width: 1100, height: 1300},
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
  const problems = [];
  try {
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) problems.push(`network request: ${req.url()}`);
    });
    await page.goto(pathToFileURL(path.resolve(file)).href, {waitUntil: 'load'});
    await fn(page);
    assert.deepEqual(problems, [], 'no console errors, page errors or network requests');
  } finally {
    await context.close();
    fs.rmSync(userDataDir, {recursive: true, force: true});
  }
}

// Every figure is a chart with data or a placeholder that says why; returns the chart ids.
async function checkCharts(page) {
  const figures = await page.$$eval('figure.chart-figure', (els) => els.map((fig) => {
    const svg = fig.querySelector('svg.chart');
    const placeholder = fig.querySelector('.placeholder');
    if (!svg) return {id: fig.id, placeholder: placeholder ? placeholder.textContent : null};
    const box = svg.getBoundingClientRect();
    const paths = [...svg.querySelectorAll('.series')];
    return {
      id: svg.id,
      points: Number(svg.getAttribute('data-points')),
      series: paths.length,
      drawn: paths.filter((p) => (p.getAttribute('d') || p.getAttribute('width') || '') !== '')
                 .length,
      width: box.width,
      height: box.height,
      title: svg.querySelector('title')?.textContent || '',
      legend: svg.querySelectorAll('.legend text').length,
      caption: fig.querySelector('figcaption')?.textContent || '',
      hasData: !!document.querySelector(`script.chart-data[data-chart="${svg.id}"]`),
    };
  }));
  assert.ok(figures.length >= 7, `expected at least 7 figures, found ${figures.length}`);
  const charts = [];
  for (const f of figures) {
    if (f.placeholder !== undefined && f.points === undefined) {
      assert.ok(f.placeholder && f.placeholder.length > 20, `${f.id}: placeholder says why`);
      continue;
    }
    assert.ok(f.points > 0, `${f.id}: non-empty data (data-points=${f.points})`);
    assert.ok(f.series > 0 && f.drawn === f.series, `${f.id}: every series drawn`);
    assert.ok(f.width > 300 && f.height > 100, `${f.id}: visible size ${f.width}x${f.height}`);
    assert.ok(f.title.length > 0 && f.caption.length > 0, `${f.id}: title and caption`);
    assert.ok(f.legend > 0, `${f.id}: legend`);
    assert.ok(f.hasData, `${f.id}: tooltip data`);
    charts.push(f.id);
  }
  return charts;
}

async function hoverFor(page, selector) {
  const target = page.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  assert.ok(box, `${selector} has a box`);
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5);
  const tip = page.locator('#tooltip');
  await tip.waitFor({state: 'visible', timeout: 5000});
  return tip.innerText();
}

test('single-run report renders every chart, with tooltips, and prints', {skip: !report},
     async () => {
       await withPage(report, async (page) => {
         const charts = await checkCharts(page);
         for (const id of ['encounters', 'encounters-by-sector', 'custody', 'held-over-72h',
                           'dispositions', 'detention', 'gotaways']) {
           assert.ok(charts.includes(id), `chart ${id} present`);
         }
         const rows = await page.$$eval('table.summary tbody tr', (r) => r.length);
         assert.ok(rows >= 10, 'summary table has rows');
         const ports = await page.locator('#fig-ports, #fig-port-status').count();
         assert.ok(ports > 0, 'a ports panel (chart or placeholder) is present');

         const first = await hoverFor(page, '#encounters rect.hover');
         assert.match(first, /encounters: [\d,]+/, 'tooltip on the first chart');
         await page.screenshot({path: path.join(shots, 'report-top.png')});
         const text = await hoverFor(page, '#custody rect.hover');
         assert.match(text, /\d{4}-\d{2}-\d{2}/, 'tooltip shows the date');
         assert.match(text, /in custody: [\d,]+/, 'tooltip shows the value');
         await page.screenshot({path: path.join(shots, 'report-tooltip.png')});
         await page.screenshot({path: path.join(shots, 'report-full.png'), fullPage: true});
         const pdf = await page.pdf({format: 'A4'});
         assert.ok(pdf.length > 10000, 'prints to PDF');
         fs.writeFileSync(path.join(shots, 'report.pdf'), pdf);
       });
     });

test('comparison report renders every chart', {skip: !compareReport}, async () => {
  await withPage(compareReport, async (page) => {
    const charts = await checkCharts(page);
    assert.ok(charts.includes('encounters') && charts.includes('custody'));
    const headers = await page.$$eval('table.summary thead th', (h) => h.map((x) => x.textContent));
    assert.ok(headers.includes('Run B'), 'summary compares run B');
    const text = await hoverFor(page, '#encounters rect.hover');
    assert.match(text, /Run A: [\d,]+/);
    assert.match(text, /Run B: [\d,]+/);
    await page.screenshot({path: path.join(shots, 'compare-top.png')});
  });
});
