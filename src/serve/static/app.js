// The what-if page: builds the lever controls, sends POST /api/run when one moves (at most one
// request in flight; the latest settings win), and draws the answer. Data reaches the page
// only through textContent and attributes, never as markup.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const fmt = (v) => Math.round(v).toLocaleString('en-US');
  // A new element with a class and text (never markup).
  function make(tag, cls, content) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined) e.textContent = content;
    return e;
  }
  const signed = (v) => (v > 0 ? '+' : v < 0 ? '−' : '±') + fmt(Math.abs(v));

  // Each lever: its controls and the values it writes over the scenario (--set PATH=VALUE),
  // as policies added under the name `what_if_<lever>` starting on the scenario's first day.
  // kind and parameters as docs/scenario-format.md, "Policies", defines them.
  const LEVERS = [
    {id: 'beds', title: 'ICE detention beds',
     controls: [{id: 'beds-change', label: 'Beds added (negative: removed)', min: -20000,
                 max: 60000, step: 1000, value: 0}],
     set: (v, p) => v['beds-change'] === 0 ? {} :
         {[p + 'kind']: 'detention_beds', [p + 'change']: v['beds-change']}},
    {id: 'agents', title: 'Border Patrol agents, each sector',
     controls: [{id: 'agents-patrol', label: 'On patrol, added per sector', min: -100, max: 600,
                 step: 10, value: 0},
                {id: 'agents-processing', label: 'Processing, added per sector', min: 0,
                 max: 300, step: 5, value: 0}],
     set: (v, p) => v['agents-patrol'] === 0 && v['agents-processing'] === 0 ? {} :
         {[p + 'kind']: 'agents', [p + 'patrol']: v['agents-patrol'],
          [p + 'processing']: v['agents-processing']}},
    {id: 'sector_agents', title: 'Agents in one sector', policy: false,
     controls: [{id: 'sector-key', label: 'Sector', type: 'select'},
                {id: 'sector-patrol', label: 'On patrol', min: 0, max: 3000, step: 1, value: 0},
                {id: 'sector-processing', label: 'Processing', min: 0, max: 600, step: 1,
                 value: 0}],
     // Written only where they differ from the scenario's own numbers.
     set: (v) => {
       const sector = scenario().sectors.find((s) => s.key === v['sector-key']);
       const s = {}, path = 'sectors.' + sector.key + '.';
       if (v['sector-patrol'] !== sector.agents_on_patrol) {
         s[path + 'agents_on_patrol'] = v['sector-patrol'];
       }
       if (v['sector-processing'] !== sector.processing_agents) {
         s[path + 'processing_agents'] = v['sector-processing'];
       }
       return s;
     }},
    {id: 'remain_in_mexico', title: 'Remain in Mexico',
     controls: [{id: 'rim-on', label: 'Reinstated', type: 'checkbox', value: false},
                {id: 'rim-acceptance', label: 'Mexico accepts, people a day', min: 0, max: 2000,
                 step: 50, value: 400}],
     set: (v, p) => !v['rim-on'] ? {} :
         {[p + 'kind']: 'remain_in_mexico', [p + 'acceptance']: v['rim-acceptance'] + '/day'}},
    {id: 'entry_suspension', title: '212(f) entry suspension',
     controls: [{id: 'suspension-on', label: 'In force', type: 'checkbox', value: false},
                {id: 'suspension-trigger', label: 'Trigger: on at a 7-day mean of encounters a ' +
                 'day of at least (0: always on; lifted below 60% of it)', min: 0, max: 8000,
                 step: 250, value: 0}],
     set: (v, p) => {
       if (!v['suspension-on']) return {};
       const s = {[p + 'kind']: 'entry_suspension'};
       const on = v['suspension-trigger'];
       if (on > 0) {
         s[p + 'trigger.on_at_or_above'] = on;
         s[p + 'trigger.off_below'] = Math.round(on * 0.6);
       }
       return s;
     }},
    {id: 'end_catch_and_release', title: 'Catch-and-release',
     controls: [{id: 'catch-release-ended', label: 'Ended (families held too)', type: 'checkbox',
                 value: false}],
     set: (v, p) => !v['catch-release-ended'] ? {} : {[p + 'kind']: 'end_catch_and_release'}},
    {id: 'mexico_enforcement', title: "Mexico's enforcement",
     controls: [{id: 'mexico-multiplier', label: 'Arrivals × (below 1: more enforcement)',
                 min: 0.5, max: 1.5, step: 0.05, value: 1}],
     set: (v, p) => v['mexico-multiplier'] === 1 ? {} :
         {[p + 'kind']: 'mexico_enforcement', [p + 'arrivals_multiplier']: v['mexico-multiplier']}},
    {id: 'expedited_removal', title: 'Expedited removal',
     controls: [{id: 'removal-on', label: 'Expanded', type: 'checkbox', value: false},
                {id: 'removal-share', label: 'Share of single adults and families placed in it',
                 min: 0, max: 1, step: 0.05, value: 0.9}],
     set: (v, p) => !v['removal-on'] ? {} :
         {[p + 'kind']: 'expedited_removal', [p + 'share.single_adult']: v['removal-share'],
          [p + 'share.family_unit_member']: v['removal-share']}},
    {id: 'ports', title: 'Port and rail closures',
     controls: [{id: 'ports-closed', label: 'Every port of entry closed to traffic (all modes)',
                 type: 'checkbox', value: false}],
     set: (v, p) => !v['ports-closed'] ? {} : {[p + 'kind']: 'port_closure'}},
    {id: 'barrier', title: 'Barrier on every sector',
     controls: [{id: 'barrier-on', label: 'Built', type: 'checkbox', value: false},
                {id: 'barrier-covered', label: 'Share of each sector\'s evaders it meets',
                 min: 0, max: 1, step: 0.05, value: 0.2}],
     set: (v, p) => !v['barrier-on'] ? {} :
         {[p + 'kind']: 'barrier', [p + 'covered_share']: v['barrier-covered']}},
  ];

  const BORDER_SERIES = {
    in_custody: 'People in Border Patrol custody', encounters: 'Encounters a day',
    over_capacity: 'People over holding capacity', held_over_72h: 'Held over 72 hours',
    released: 'Released a day', gotaways: 'Gotaways a day',
    detention_population: 'People in ICE detention'};
  const SECTOR_SERIES = {
    in_custody: 'In custody (dotted: holding capacity)', over_capacity: 'Over capacity',
    encounters: 'Encounters a day', held_over_72h: 'Held over 72 hours'};
  const HEADLINES = ['encounters', 'released', 'gotaways', 'remain_in_mexico',
                     'in_custody_mean', 'held_over_72h_mean'];

  let scenarios = [];
  let result = null;
  let inFlight = false, pending = false, runs = 0;

  function scenario() { return scenarios.find((s) => s.id === $('scenario').value); }

  function values() {
    const v = {};
    for (const lever of LEVERS) {
      for (const c of lever.controls) {
        const input = $(c.id);
        v[c.id] = c.type === 'checkbox' ? input.checked :
                  c.type === 'select' ? input.value : Number(input.value);
      }
    }
    return v;
  }

  // Every lever's values over the scenario, policies starting on its first day.
  function overrides() {
    const v = values(), set = {};
    for (const lever of LEVERS) {
      const prefix = 'policies.what_if_' + lever.id + '.';
      const s = lever.set(v, prefix);
      if (lever.policy !== false && Object.keys(s).length) s[prefix + 'start'] = scenario().start;
      Object.assign(set, s);
    }
    return set;
  }

  function requestBody() {
    return JSON.stringify({scenario: $('scenario').value, set: overrides(),
                           replications: Number($('replications').value)});
  }

  function setStatus(state, message) {
    $('status').dataset.state = state;
    $('status').textContent = message;
  }

  async function post(path, body) {
    const response = await fetch(path, {method: 'POST', body,
                                         headers: {'Content-Type': 'application/json'}});
    return response;
  }

  // Runs the current settings; while a run is in flight, remembers to run again after it.
  async function run() {
    if (inFlight) { pending = true; return; }
    inFlight = true;
    pending = false;
    setStatus('running', 'Running…');
    const started = performance.now();
    try {
      const response = await post('/api/run', requestBody());
      const answer = await response.json();
      if (response.status === 503) {
        // Another page (or tab) is running a what-if: ask again shortly.
        setStatus('running', 'Waiting for another what-if to finish…');
        setTimeout(scheduleRun, 500);
      } else if (!response.ok) {
        setStatus('error', answer.error + (answer.diagnostics ? '\n' + answer.diagnostics : ''));
      } else {
        result = answer;
        runs += 1;
        draw();
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        $('status').dataset.run = String(runs);
        setStatus('done', `Answered in ${seconds} s (${answer.replications} paired ` +
                  `replications; server ${answer.timing.total_seconds.toFixed(2)} s)`);
      }
    } catch (e) {
      setStatus('error', 'No answer from the server: ' + e.message);
    } finally {
      inFlight = false;
      if (pending) run();
    }
  }

  let timer = null;
  function scheduleRun() {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  }

  function buildLevers() {
    const list = $('lever-list');
    for (const lever of LEVERS) {
      const fieldset = make('fieldset', 'lever');
      fieldset.dataset.lever = lever.id;
      fieldset.appendChild(make('legend', '', lever.title));
      for (const c of lever.controls) {
        const label = document.createElement('label');
        const input = document.createElement(c.type === 'select' ? 'select' : 'input');
        input.id = c.id;
        input.name = c.id;
        if (c.type === 'select') {
          label.append(c.label + ' ', input);
        } else if (c.type === 'checkbox') {
          input.type = 'checkbox';
          input.checked = c.value;
          label.append(input, ' ' + c.label);
        } else {
          input.type = 'range';
          Object.assign(input, {min: c.min, max: c.max, step: c.step});
          input.value = c.value;
          const out = document.createElement('output');
          out.htmlFor = c.id;
          const show = () => { out.textContent = Number(input.value).toLocaleString('en-US'); };
          input.addEventListener('input', show);
          show();
          label.append(c.label + ': ', out, input);
        }
        input.addEventListener('change', scheduleRun);
        fieldset.appendChild(label);
      }
      list.appendChild(fieldset);
    }
  }

  // The per-sector lever starts at the chosen sector's numbers in the chosen scenario.
  function showSectorAgents() {
    const sector = scenario().sectors.find((s) => s.key === $('sector-key').value);
    for (const [id, value] of [['sector-patrol', sector.agents_on_patrol],
                               ['sector-processing', sector.processing_agents]]) {
      $(id).value = value;
      $(id).dispatchEvent(new Event('input'));
    }
  }

  function fillSectorChoice() {
    const select = $('sector-key');
    const chosen = select.value || 'del_rio';
    select.replaceChildren();
    options(select, scenario().sectors.map((s) => [s.key, s.name]), chosen);
    showSectorAgents();
  }

  function resetLevers() {
    for (const lever of LEVERS) {
      for (const c of lever.controls) {
        const input = $(c.id);
        if (c.type === 'checkbox') input.checked = c.value;
        else if (c.type !== 'select') {
          input.value = c.value;
          input.dispatchEvent(new Event('input'));
        }
      }
    }
    showSectorAgents();
    scheduleRun();
  }

  function cell(row, content) { row.appendChild(make('td', '', content)); }

  function drawHeadlines() {
    const box = $('headlines');
    box.replaceChildren();
    for (const key of HEADLINES) {
      const m = result.metrics.find((x) => x.key === key);
      if (!m) continue;
      const card = make('div', 'headline');
      card.dataset.metric = m.key;
      card.appendChild(make('h4', '', m.label));
      for (const [cls, name, v, shown] of [
        ['baseline', 'Baseline', m.baseline, fmt(m.baseline)],
        ['changed', 'Changed', m.changed, fmt(m.changed)],
        ['difference', 'Difference', m.difference, signed(m.difference)]]) {
        const row = make('div', 'row ' + cls);
        row.dataset.value = String(v);
        row.append(make('span', '', name), make('span', 'value', shown));
        card.appendChild(row);
      }
      card.appendChild(make('div', 'row band note', `5–95%: ${signed(m.low)} … ${signed(m.high)}`));
      box.appendChild(card);
    }
  }

  function drawBorder() {
    const key = $('border-series').value;
    const s = result.border[key];
    const label = BORDER_SERIES[key];
    bfCharts.lineChart($('border-chart'), {
      id: 'border', dates: result.dates, title: label + ' (mean of the replications)',
      fromZero: true, lines: [{values: s.baseline, cls: 'baseline', label: 'baseline'},
                              {values: s.changed, cls: 'changed', label: 'changed'}]});
    bfCharts.lineChart($('difference-chart'), {
      id: 'difference', dates: result.dates, height: 200, zeroLine: true,
      title: 'Changed − baseline, paired by replication (band: 5–95% of the differences)',
      band: {low: s.low, high: s.high},
      lines: [{values: s.difference, cls: 'difference', label: 'mean difference'}]});
  }

  function drawSectors() {
    const key = $('sector-series').value;
    const box = $('sector-charts');
    box.replaceChildren();
    for (const sector of result.sectors) {
      const div = document.createElement('div');
      box.appendChild(div);
      const s = sector.series[key];
      const lines = [{values: s.baseline, cls: 'baseline', label: 'baseline'},
                     {values: s.changed, cls: 'changed', label: 'changed'}];
      if (key === 'in_custody') {
        lines.unshift({values: sector.series.holding_capacity.changed, cls: 'capacity',
                       label: 'capacity'});
      }
      bfCharts.lineChart(div, {id: 'sector-' + sector.key, dates: result.dates, width: 300,
                               height: 170, title: sector.name, fromZero: true, lines});
    }
  }

  function drawTable() {
    const body = $('metrics').querySelector('tbody');
    body.replaceChildren();
    for (const m of result.metrics) {
      const row = document.createElement('tr');
      row.dataset.metric = m.key;
      cell(row, m.label);
      cell(row, fmt(m.baseline));
      cell(row, fmt(m.changed));
      cell(row, signed(m.difference));
      cell(row, `${signed(m.low)} … ${signed(m.high)}`);
      body.appendChild(row);
    }
  }

  function draw() {
    $('scenario-name').textContent = result.scenario.name;
    $('scenario-period').textContent = `${result.scenario.start} to ${result.scenario.end}, ` +
        `seed ${result.scenario.seed}, ${result.replications} replications of each side`;
    drawHeadlines();
    drawBorder();
    drawSectors();
    drawTable();
    $('command').textContent = result.command;
  }

  async function download() {
    const response = await post('/api/scenario.yaml', requestBody());
    if (!response.ok) {
      const answer = await response.json();
      setStatus('error', answer.error);
      return;
    }
    const blob = await response.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = $('scenario').value + '-what-if.yaml';
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(a.href);
  }

  function options(select, entries, chosen) {
    for (const [value, label] of entries) {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = label;
      select.appendChild(o);
    }
    select.value = chosen;
  }

  async function start() {
    buildLevers();
    options($('border-series'), Object.entries(BORDER_SERIES), 'in_custody');
    options($('sector-series'), Object.entries(SECTOR_SERIES), 'in_custody');
    $('border-series').addEventListener('change', () => result && drawBorder());
    $('sector-series').addEventListener('change', () => result && drawSectors());
    $('reset').addEventListener('click', resetLevers);
    $('download').addEventListener('click', download);
    try {
      const list = await (await fetch('/api/scenarios')).json();
      scenarios = list.scenarios;
      options($('scenario'), scenarios.map((s) => [s.id, s.name]), list.default);
      const reps = [];
      for (let r = 1; r <= list.max_replications; r++) reps.push([String(r), String(r)]);
      options($('replications'), reps, String(list.default_replications));
    } catch (e) {
      setStatus('error', 'Cannot list the scenarios: ' + e.message);
      return;
    }
    fillSectorChoice();
    $('sector-key').addEventListener('change', showSectorAgents);
    $('scenario').addEventListener('change', () => { fillSectorChoice(); scheduleRun(); });
    $('replications').addEventListener('change', scheduleRun);
    run();
  }

  document.addEventListener('DOMContentLoaded', start);
})();
