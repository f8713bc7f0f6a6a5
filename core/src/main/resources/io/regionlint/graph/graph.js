/* regionlint system picture: selection, filters and the findings panel. No network, no library. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('rl-data').textContent);
  var svg = document.getElementById('rl-svg');
  var list = document.getElementById('rl-findings');
  var title = document.getElementById('rl-details-title');
  var about = document.getElementById('rl-details-about');
  var none = document.getElementById('rl-none');
  var ruleSelect = document.getElementById('rl-rule');
  var state = { regions: {}, severities: {}, rule: '', selected: null };
  var nodeOf = {};   // finding index -> node id
  Object.keys(data.nodes).forEach(function (id) {
    data.nodes[id].findings.forEach(function (i) { nodeOf[i] = id; });
  });
  var edges = Array.prototype.slice.call(svg.querySelectorAll('[data-edge]'));
  var nodes = Array.prototype.slice.call(svg.querySelectorAll('[data-node]'));
  var columns = Array.prototype.slice.call(svg.querySelectorAll('g.column'));
  var columnBoxes = Array.prototype.slice.call(svg.querySelectorAll('g.column-boxes'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('#rl-table tbody tr'));
  var labels = {};  // edge id -> its label, drawn in a layer above the stacks
  svg.querySelectorAll('[data-label-of]').forEach(function (t) { labels[t.getAttribute('data-label-of')] = t; });
  edges.forEach(function (e) {
    e.addEventListener('mouseenter', function () { labels[e.id].classList.add('hover'); });
    e.addEventListener('mouseleave', function () { labels[e.id].classList.remove('hover'); });
  });

  function checked(name) {
    var out = {};
    document.querySelectorAll('input[name="' + name + '"]').forEach(function (box) { out[box.value] = box.checked; });
    return out;
  }

  function matches(f) {
    if (!state.severities[f.severity]) { return false; }
    if (state.rule && f.rule !== state.rule) { return false; }
    if (f.regions.length === 0) { return true; }
    return f.regions.some(function (r) { return state.regions[r] !== false; });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function findingItem(i) {
    var f = data.findings[i];
    var li = el('li', 'finding sev-' + f.severity + (f.suppressed ? ' suppressed' : ''));
    li.setAttribute('data-rule', f.rule);
    li.setAttribute('data-finding', String(i));
    var head = el('div', 'head');
    head.appendChild(el('span', 'rule', f.rule));
    head.appendChild(document.createTextNode(' ' + f.name));
    head.appendChild(el('span', 'sev', f.severity + (f.suppressed ? ' (suppressed)' : '')));
    li.appendChild(head);
    li.appendChild(el('div', 'msg', f.message));
    li.appendChild(el('div', 'where', f.at));
    if (f.construct) { li.appendChild(el('div', 'cpath', f.construct)); }
    else if (f.resource) { li.appendChild(el('div', 'cpath', f.resource)); }
    li.addEventListener('click', function () {
      var id = nodeOf[i];
      if (id) {
        select({ kind: 'node', id: id });
        var target = document.getElementById(id);
        if (target && target.scrollIntoView) { target.scrollIntoView({ block: 'center', inline: 'center' }); }
      }
    });
    return li;
  }

  function describeSelection() {
    about.textContent = '';
    if (!state.selected) {
      title.textContent = 'Findings';
      about.textContent = 'Select a resource or a link to see its findings.';
      return data.findings.map(function (f, i) { return i; });
    }
    if (state.selected.kind === 'node') {
      var n = data.nodes[state.selected.id];
      title.textContent = n.label;
      about.appendChild(document.createTextNode(n.type + ' · stack ' + n.stack + ' · ' + n.region));
      if (n.file) { about.appendChild(el('br')); about.appendChild(el('code', null, n.file)); }
      if (n.construct) { about.appendChild(el('br')); about.appendChild(el('code', null, n.construct)); }
      return n.findings;
    }
    var e = data.edges[state.selected.id];
    title.textContent = e.label;
    about.textContent = data.nodes[e.from].label + ' (' + data.nodes[e.from].region + ') \u2192 '
      + data.nodes[e.to].label + ' (' + data.nodes[e.to].region + ')';
    return e.findings;
  }

  function render() {
    var shown = describeSelection().filter(function (i) { return matches(data.findings[i]); });
    list.textContent = '';
    shown.forEach(function (i) { list.appendChild(findingItem(i)); });
    none.hidden = shown.length > 0;
    none.textContent = data.findings.length === 0 ? 'No findings.' : 'No finding matches the filters.';
    columns.concat(columnBoxes).forEach(function (c) {
      c.classList.toggle('off', state.regions[c.getAttribute('data-region')] === false);
    });
    edges.forEach(function (e) {
      var from = data.nodes[e.getAttribute('data-from')], to = data.nodes[e.getAttribute('data-to')];
      e.classList.toggle('off', state.regions[from.region] === false || state.regions[to.region] === false);
      var sel = state.selected;
      e.classList.toggle('selected', !!sel && sel.kind === 'edge' && sel.id === e.id);
      e.classList.toggle('related', !!sel && sel.kind === 'node'
        && (e.getAttribute('data-from') === sel.id || e.getAttribute('data-to') === sel.id));
      ['off', 'selected', 'related'].forEach(function (c) { labels[e.id].classList.toggle(c, e.classList.contains(c)); });
    });
    var peers = {};
    if (state.selected) {
      edges.forEach(function (e) {
        var a = e.getAttribute('data-from'), b = e.getAttribute('data-to'), sel = state.selected;
        if (sel.kind === 'node' && (a === sel.id || b === sel.id)) { peers[a] = true; peers[b] = true; }
        if (sel.kind === 'edge' && e.id === sel.id) { peers[a] = true; peers[b] = true; }
      });
    }
    nodes.forEach(function (n) {
      var info = data.nodes[n.id];
      var marked = info.findings.some(function (i) { return matches(data.findings[i]); });
      n.classList.toggle('unmarked', info.findings.length > 0 && !marked);
      n.classList.toggle('selected', !!state.selected && state.selected.kind === 'node' && state.selected.id === n.id);
      n.classList.toggle('peer', !!peers[n.id] && !(state.selected.kind === 'node' && state.selected.id === n.id));
    });
    rows.forEach(function (r) {
      r.classList.toggle('hidden', !matches(data.findings[Number(r.getAttribute('data-finding'))]));
    });
  }

  function select(selection) {
    state.selected = selection;
    render();
  }

  function readFilters() {
    state.regions = checked('region');
    state.severities = checked('severity');
    state.rule = ruleSelect.value;
    render();
  }

  svg.addEventListener('click', function (event) {
    var target = event.target.closest('[data-node], [data-edge]');
    if (!target) { select(null); return; }
    select(target.hasAttribute('data-node') ? { kind: 'node', id: target.id } : { kind: 'edge', id: target.id });
  });
  svg.addEventListener('keydown', function (event) {
    var target = event.target.closest && event.target.closest('[data-node]');
    if (target && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      select({ kind: 'node', id: target.id });
    }
  });
  document.getElementById('rl-filters').addEventListener('change', readFilters);
  // page.html#n3 opens with resource n3 (or link e3) selected: links into the picture
  var wanted = /^#([ne][0-9]+)$/.exec(window.location.hash);
  if (wanted && (data.nodes[wanted[1]] || data.edges[wanted[1]])) {
    state.selected = { kind: data.nodes[wanted[1]] ? 'node' : 'edge', id: wanted[1] };
  }
  readFilters();
  (window.__rlPending || []).forEach(window.__rlError);
  if (document.documentElement.getAttribute('data-rl-ready') !== 'error') {
    document.documentElement.setAttribute('data-rl-ready', 'ok');
  }
  // milliseconds since navigation start: when the script finished, and when the page had loaded
  document.documentElement.setAttribute('data-rl-ms', String(Math.round(performance.now())));
  window.addEventListener('load', function () {
    document.documentElement.setAttribute('data-rl-load-ms', String(Math.round(performance.now())));
  });
})();
