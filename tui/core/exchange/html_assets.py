"""The stylesheet and the filter script inlined into the HTML export (no network, no files)."""

from __future__ import annotations

CSS = """
:root { --ink: #1d2125; --muted: #6b7280; --line: #e5e7eb; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); background: #fafafa; display: grid; grid-template-columns: 21rem 1fr; }
aside { position: sticky; top: 0; height: 100vh; overflow: auto; padding: 1.2rem;
        border-right: 1px solid var(--line); background: #fff; }
main { padding: 1.2rem 2rem 4rem; max-width: 58rem; }
h1 { font-size: 1.25rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 0 0 .2rem; }
h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted);
     margin: 1.2rem 0 .4rem; }
.summary, .meta { color: var(--muted); font-size: .85rem; margin: 0 0 .8rem; }
.filter { display: flex; gap: .5rem; align-items: baseline; margin: .35rem 0 0; cursor: pointer; }
.guide { margin: .1rem 0 .6rem 1.6rem; font-size: .8rem; color: var(--muted); }
.swatch { display: inline-block; min-width: 1.5rem; text-align: center; border-radius: 3px;
          font-size: .75rem; font-weight: 700; padding: 0 .25rem; border: 1px solid #0002; }
.count { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; }
article { background: #fff; border: 1px solid var(--line); border-radius: 6px;
          padding: 1.1rem 1.4rem; margin: 0 0 1.4rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.chrome { color: #9ca3af; }
mark { color: inherit; background: none; border-radius: 2px; padding: 0 1px;
       -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.on { box-shadow: inset 0 -2px 0 #0003; }
sup.mk { font-size: .65rem; font-weight: 700; margin: 0 1px; padding: 0 .2rem; border-radius: 3px;
         border: 1px solid #0003; vertical-align: super; }
sup.mk.off, article.off, .note.off { display: none; }
.note { font-size: .8rem; font-style: italic; color: #374151; background: #fef3c7;
        border: 1px solid #fcd34d; border-radius: 3px; padding: 0 .3rem; margin: 0 .15rem; }
.note .who { font-style: normal; color: var(--muted); }
body.only-tagged .plain { display: none; }
body.only-tagged mark:not(.on) { display: none; }
body.only-tagged mark.on { display: block; margin: .45rem 0; }
.empty { color: var(--muted); font-style: italic; }
@media print { aside { display: none; } body { display: block; } }
"""

# Each <mark> and marker carries data-t="label:annotator ..." pairs (indexes into the legend);
# the script recolours them from the filters that are ticked.
JS = """
(function () {
  const colors = JSON.parse(document.getElementById('label-colors').textContent);
  const on = (sel) => new Set([...document.querySelectorAll(sel)].filter(b => b.checked)
                                .map(b => b.value));
  function paint() {
    const labels = on('input[data-kind=label]'), people = on('input[data-kind=annotator]');
    let shown = 0;
    document.querySelectorAll('[data-n]').forEach(el => {
      const [l, a] = el.dataset.n.split(':');
      el.classList.toggle('off', !(labels.has(l) && people.has(a)));
    });
    document.querySelectorAll('[data-t]').forEach(el => {
      const live = el.dataset.t.split(' ').map(p => p.split(':'))
                     .filter(([l, a]) => labels.has(l) && people.has(a));
      const ls = [...new Set(live.map(([l]) => l))];
      if (el.tagName === 'SUP') {
        el.classList.toggle('off', !live.length);
        el.textContent = el.dataset.abbr + (live.length > 1 ? '\u00d7' + live.length : '');
        shown += live.length;
        return;
      }
      el.classList.toggle('on', ls.length > 0);
      if (!ls.length) { el.style.background = 'none'; return; }
      const step = 100 / ls.length;
      const stops = ls.map((l, i) => `${colors[l]} ${i * step}%,${colors[l]} ${(i + 1) * step}%`);
      el.style.background = ls.length === 1 ? colors[ls[0]]
        : `linear-gradient(180deg,${stops.join(',')})`;
    });
    const only = document.body.classList.contains('only-tagged');
    document.querySelectorAll('article').forEach(a =>
      a.classList.toggle('off', only && !a.querySelector('mark.on')));
    document.getElementById('shown').textContent = shown;
  }
  document.querySelectorAll('aside input').forEach(b => b.addEventListener('change', () => {
    document.body.classList.toggle('only-tagged', document.getElementById('only-tagged').checked);
    paint();
  }));
  paint();
  document.body.dataset.ready = '1';
})();
"""
