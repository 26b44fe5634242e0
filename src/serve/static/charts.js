// Small SVG line charts for the what-if page, drawn with DOM calls only: every label is set
// with textContent, so no data string is ever parsed as markup. Exposes window.bfCharts.
'use strict';
(function () {
  const SVG = 'http://www.w3.org/2000/svg';

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, content, anchor) {
    const t = el('text', {x, y, 'text-anchor': anchor || 'start'}, parent);
    t.textContent = content;
    return t;
  }

  // 12345 -> "12,345"; 1234567 -> "1.23M" where space is short.
  function compact(v) {
    const a = Math.abs(v);
    if (a >= 1e6) return (v / 1e6).toFixed(2) + 'M';
    if (a >= 1e4) return Math.round(v / 1e3) + 'k';
    if (a < 10 && !Number.isInteger(v)) return v.toFixed(1);
    return Math.round(v).toLocaleString('en-US');
  }

  // Round upper and lower bounds for an axis holding every value in `lists`.
  function extent(lists, includeZero) {
    let lo = Infinity, hi = -Infinity;
    for (const list of lists) for (const v of list) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (!isFinite(lo)) { lo = 0; hi = 1; }
    if (includeZero) { lo = Math.min(lo, 0); hi = Math.max(hi, 0); }
    if (hi === lo) hi = lo + 1;
    const pad = (hi - lo) * 0.05;
    return [lo < 0 ? lo - pad : lo, hi + pad];
  }

  // Draws a line chart into `container` (emptied first).
  //   dates:  ["YYYY-MM-DD", ...]
  //   lines:  [{values, cls, label}]  cls: a CSS class of style.css (baseline, changed, ...)
  //   band:   optional {low, high} drawn behind the lines
  //   title:  text above the plot; width, height in px; zeroLine: draw y = 0
  function lineChart(container, opts) {
    container.replaceChildren();
    const width = opts.width || 720, height = opts.height || 240;
    const m = {left: 54, right: 10, top: opts.title ? 22 : 8, bottom: 34};
    const svg = el('svg', {width, height, viewBox: `0 0 ${width} ${height}`, role: 'img'},
                   container);
    svg.classList.add('line-chart');
    if (opts.id) svg.id = opts.id;
    const title = el('title', {}, svg);
    title.textContent = opts.title || '';
    if (opts.title) text(svg, m.left, 15, opts.title).setAttribute('font-weight', '600');
    const n = opts.dates.length;
    svg.setAttribute('data-points', String(n));
    const lists = opts.lines.map((l) => l.values);
    if (opts.band) lists.push(opts.band.low, opts.band.high);
    const [lo, hi] = extent(lists, opts.zeroLine || opts.fromZero);
    const x = (i) => m.left + (n <= 1 ? 0 : (i / (n - 1)) * (width - m.left - m.right));
    const y = (v) => height - m.bottom - ((v - lo) / (hi - lo)) * (height - m.top - m.bottom);

    const axis = el('g', {class: 'axis'}, svg);
    for (let k = 0; k <= 3; k++) {
      const v = lo + ((hi - lo) * k) / 3;
      el('line', {x1: m.left - 4, x2: m.left, y1: y(v), y2: y(v)}, axis);
      text(axis, m.left - 6, y(v) + 4, compact(v), 'end');
    }
    // A tick on the first day of each month.
    opts.dates.forEach((d, i) => {
      if (d.endsWith('-01') || i === 0) {
        el('line', {x1: x(i), x2: x(i), y1: height - m.bottom, y2: height - m.bottom + 4}, axis);
        text(axis, x(i), height - m.bottom + 16, d.slice(0, 7), 'middle');
      }
    });
    el('line', {x1: m.left, x2: width - m.right, y1: height - m.bottom, y2: height - m.bottom},
       axis);
    if (opts.zeroLine) {
      el('line', {x1: m.left, x2: width - m.right, y1: y(0), y2: y(0), class: 'zero'}, svg);
    }
    if (opts.band) {
      let d = '';
      opts.band.high.forEach((v, i) => { d += (i ? 'L' : 'M') + x(i) + ',' + y(v); });
      for (let i = n - 1; i >= 0; i--) d += 'L' + x(i) + ',' + y(opts.band.low[i]);
      el('path', {d: d + 'Z', class: 'band series'}, svg);
    }
    for (const line of opts.lines) {
      let d = '';
      line.values.forEach((v, i) => { d += (i ? 'L' : 'M') + x(i).toFixed(1) + ',' + y(v).toFixed(1); });
      el('path', {d, class: line.cls + ' series'}, svg);
    }
    // Legend, bottom right, in the lines' own styles.
    let lx = width - m.right;
    const legend = el('g', {class: 'legend'}, svg);
    for (const item of [...opts.lines].reverse()) {
      const t = text(legend, lx, height - 4, item.label, 'end');
      const w = item.label.length * 6 + 4;
      el('line', {x1: lx - w - 22, x2: lx - w - 4, y1: height - 8, y2: height - 8, class: item.cls},
         legend);
      lx -= w + 30;
      void t;
    }
    return svg;
  }

  window.bfCharts = {lineChart, compact};
})();
