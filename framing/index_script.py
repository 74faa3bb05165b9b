"""The report index's own script and style (ours, trusted): the article table drawn from the page's
embedded JSON, 100 rows a page, with a text filter, filters by label, stance, reuse and group, and
sorting on every column. Nothing is fetched: the page works opened from a file.

The filter state lives in the address's #fragment (q, label, stance, reuse, added, group, sort, dir,
page), so a filtered view can be bookmarked or sent. The page writes how long its first draw took
on <body data-render-ms> (script start to first table), and with `#bench=TEXT` it then filters on
TEXT and writes that time on <body data-filter-ms> (benchmarks/index_speed.py reads both).
"""

INDEX_STYLE = """
.controls{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:center;margin:.5em 0}
.controls input[type=search]{min-width:18em}
th button{all:unset;cursor:pointer;display:block;width:100%}
th button:focus-visible{outline:2px solid #0072b2}
th .arrow{margin-left:.3em;font-size:.8em} th[aria-sort=none] .arrow{opacity:.3}
code.id{display:block;max-width:15em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;
font-size:.85em;color:#555}
td.title{min-width:12em} #articles th,#articles td{padding:.3em .35em}
.pager{display:flex;gap:1em;align-items:center;margin:.5em 0}
"""

INDEX_SCRIPT = r"""
(function () {
  'use strict';
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById('index-data').textContent);
  var cols = data.columns, SIZE = data.page_size;
  var rows = data.rows.map(function (values, n) {
    var r = {_n: n};
    data.keys.forEach(function (k, i) { r[k] = values[i]; });
    r._search = fold([r.id, r.title, r.outlet].join(' '));
    return r;
  });
  var FILTERS = {label: 'label', stance: 'sovereignty_stance', reuse: 'reuse_kind',
                 added: 'added_verdict', group: 'group'};
  var state = {q: '', label: '', stance: '', reuse: '', added: '', group: '', sort: '', dir: 'asc',
               page: 0};
  var body = document.getElementById('articles').tBodies[0];
  var heads = Array.from(document.querySelectorAll('#articles th'));
  var shown = rows;

  function text(v) { return v === null || v === undefined ? '' : String(v); }
  // Case and accents folded on both sides: "francais" finds "Français".
  function fold(s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  function format(v, f) {
    if (v === null || v === undefined || v === '') return '';
    if (f === 'pct') return Math.round(v * 100) + '%';
    if (f === 'f2') return Number(v).toFixed(2);
    if (f === 'f1') return Number(v).toFixed(1);
    return String(v);
  }
  function sortValue(r, key) { return key === 'id' ? text(r.title || r.id) : r[key]; }
  function compare(a, b) {
    var x = sortValue(a, state.sort), y = sortValue(b, state.sort), c;
    var ex = x === null || x === undefined || x === '', ey = y === null || y === undefined || y === '';
    if (ex || ey) return ex === ey ? a._n - b._n : (ex ? 1 : -1);  // empty cells last
    c = (typeof x === 'number' && typeof y === 'number') ? x - y : text(x).localeCompare(text(y));
    return (state.dir === 'desc' ? -c : c) || a._n - b._n;
  }
  function matches(r, q) {  // q: the text filter, folded once for all rows
    for (var k in FILTERS) { if (state[k] && text(r[FILTERS[k]]) !== state[k]) return false; }
    return !q || r._search.indexOf(q) !== -1;
  }
  function cell(r, col) {
    var td = document.createElement('td');
    if (col.key === 'id') {
      td.className = 'title';
      var a = document.createElement(r.link ? 'a' : 'span');
      if (r.link) a.setAttribute('href', r.link);
      a.textContent = r.title || r.id;
      td.appendChild(a);
      if (r.title && r.title !== r.id) {  // the id under its title, on one line
        var code = document.createElement('code');
        code.className = 'id'; code.textContent = r.id; code.title = r.id;
        td.appendChild(code);
      }
    } else {
      td.textContent = format(r[col.key], col.format);
      if (col.format) td.className = 'num';
    }
    return td;
  }
  function render() {
    var pages = Math.max(1, Math.ceil(shown.length / SIZE));
    state.page = Math.min(Math.max(0, state.page), pages - 1);
    var frag = document.createDocumentFragment();
    shown.slice(state.page * SIZE, (state.page + 1) * SIZE).forEach(function (r) {
      var tr = document.createElement('tr');
      cols.forEach(function (col) { tr.appendChild(cell(r, col)); });
      frag.appendChild(tr);
    });
    body.replaceChildren(frag);
    heads.forEach(function (th) {
      var on = th.dataset.key === state.sort;
      th.setAttribute('aria-sort', on ? (state.dir === 'desc' ? 'descending' : 'ascending') : 'none');
      th.querySelector('.arrow').textContent = on ? (state.dir === 'desc' ? '▼' : '▲') : '▲▼';
    });
    var first = shown.length ? state.page * SIZE + 1 : 0;
    var last = Math.min(shown.length, (state.page + 1) * SIZE);
    document.getElementById('index-status').textContent = 'Rows ' + first + '–' + last + ' of ' +
      shown.length + (shown.length < rows.length ? ' (filtered from ' + rows.length + ')' : '') +
      ' · page ' + (state.page + 1) + ' of ' + pages;
    document.getElementById('prev').disabled = state.page === 0;
    document.getElementById('next').disabled = state.page >= pages - 1;
  }
  function apply() {
    var q = fold(state.q);
    shown = rows.filter(function (r) { return matches(r, q); });
    if (state.sort) shown.sort(compare);
    render();
    remember();
  }
  function remember() {
    var p = new URLSearchParams();
    Object.keys(state).forEach(function (k) {
      if (k === 'page') { if (state.page > 0) p.set('page', state.page + 1); }
      else if (state[k] && !(k === 'dir' && state[k] === 'asc')) p.set(k, state[k]);
    });
    try { history.replaceState(null, '', '#' + p.toString()); } catch (e) { /* file: in some browsers */ }
  }
  function control(id, key) {
    var el = document.getElementById(id);
    el.value = state[key];
    el.addEventListener('input', function () { state[key] = el.value; state.page = 0; apply(); });
  }
  var hash = new URLSearchParams(location.hash.slice(1));
  Object.keys(state).forEach(function (k) { if (hash.has(k)) state[k] = hash.get(k); });
  state.page = (parseInt(state.page, 10) || 1) - 1;
  // An address edited by hand or kept from another report can name a value this page does not
  // offer: drop it rather than draw an empty table that looks like "no article matches".
  Object.keys(FILTERS).forEach(function (k) {
    var el = document.getElementById('f-' + k);
    var offered = el && Array.from(el.options).some(function (o) { return o.value === state[k]; });
    if (!offered) state[k] = '';
  });
  if (!heads.some(function (th) { return th.dataset.key === state.sort; })) state.sort = '';
  if (state.dir !== 'desc') state.dir = 'asc';
  control('q', 'q');
  Object.keys(FILTERS).forEach(function (k) { control('f-' + k, k); });
  heads.forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      state.dir = (state.sort === th.dataset.key && state.dir === 'asc') ? 'desc' : 'asc';
      state.sort = th.dataset.key; state.page = 0; apply();
    });
  });
  document.getElementById('prev').addEventListener('click', function () { state.page--; render(); remember(); });
  document.getElementById('next').addEventListener('click', function () { state.page++; render(); remember(); });
  var bench = hash.get('bench');
  apply();
  document.body.dataset.renderMs = (performance.now() - t0).toFixed(1);
  if (bench !== null) {
    var t1 = performance.now();
    state.q = bench; state.page = 0; apply();
    document.body.dataset.filterMs = (performance.now() - t1).toFixed(1);
  }
})();
"""
