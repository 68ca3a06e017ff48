/** The dashboard's whole stylesheet, inlined with the response's CSP nonce (no external asset). */
// Progress bars without inline style attributes (the CSP allows none): one class per 5 %.
const barWidths = Array.from({ length: 21 }, (_, i) => `.bar > span.w${i * 5} { width:${i * 5}%; }`).join('\n');

export const dashboardStyle = `
:root { --fg:#1d2330; --muted:#5d6677; --line:#d9dee7; --bg:#f6f7f9; --card:#fff; --accent:#3559c7;
  --good:#1f7a3f; --bad:#b3261e; --warn:#9a6700; --ins:#d7f5dd; --del:#fbe0de; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--fg); background:var(--bg); }
header { display:flex; flex-wrap:wrap; gap:.4rem 1.5rem; align-items:center; padding:.6rem 1.2rem; background:#141a26; color:#fff; }
header a { color:#cfd8ee; text-decoration:none; } header a.on, header a:hover { color:#fff; }
header .brand { font-weight:700; color:#fff; margin-right:1rem; }
header .who { margin-left:auto; color:#aab4c8; font-size:12px; }
main { padding:1.2rem; max-width:1400px; margin:0 auto; }
h1 { font-size:20px; margin:.2rem 0 1rem; } h2 { font-size:16px; margin:1.4rem 0 .6rem; }
a { color:var(--accent); }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:1rem; margin-bottom:1rem; }
.grid { display:grid; grid-template-columns:repeat(auto-fit, minmax(220px, 1fr)); gap:1rem; }
.stat { font-size:26px; font-weight:650; } .label { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
table { border-collapse:collapse; width:100%; background:var(--card); }
th, td { text-align:left; padding:.4rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:12px; color:var(--muted); font-weight:600; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
.pill { display:inline-block; padding:0 .5rem; border-radius:999px; font-size:12px; font-weight:600; background:#e8ebf1; }
.v-match, .v-pass, .s-promoted, .s-completed { background:#dcf3e3; color:var(--good); }
.v-noise { background:#eef0f4; color:var(--muted); }
.v-regression, .v-error, .v-fail, .s-rolled_back, .s-failed, .s-aborted { background:#fbe0de; color:var(--bad); }
.s-progressing, .s-running, .s-shadow, .s-pending { background:#dfe7fb; color:var(--accent); }
.s-paused, .s-awaiting_approval, .v-no_gate { background:#fff1c7; color:var(--warn); }
.sev-high, .sev-critical { color:var(--bad); font-weight:600; } .sev-medium { color:var(--warn); } .sev-low, .sev-none { color:var(--muted); }
.side { display:grid; grid-template-columns:1fr 1fr; gap:1rem; }
pre { white-space:pre-wrap; word-break:break-word; margin:0; font:12px/1.45 ui-monospace, "SFMono-Regular", Menlo, monospace; }
.answer { font-size:14px; white-space:pre-wrap; word-break:break-word; }
ins { background:var(--ins); text-decoration:none; } del { background:var(--del); }
.fact { border-left:4px solid var(--bad); padding:.4rem .7rem; margin:.4rem 0; background:#fff7f6; }
.muted { color:var(--muted); } .bad { color:var(--bad); } .good { color:var(--good); }
form.filters { display:flex; flex-wrap:wrap; gap:.5rem; align-items:end; margin-bottom:1rem; }
form.filters label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); }
input, select, button { font:inherit; padding:.3rem .5rem; border:1px solid var(--line); border-radius:6px; background:#fff; }
button { cursor:pointer; background:var(--accent); color:#fff; border-color:var(--accent); }
button.danger { background:var(--bad); border-color:var(--bad); } button.plain { background:#fff; color:var(--fg); }
.actions { display:flex; gap:.5rem; flex-wrap:wrap; } .actions form { margin:0; }
.bar { height:8px; background:#e8ebf1; border-radius:4px; overflow:hidden; } .bar > span { display:block; height:100%; background:var(--accent); }
svg.chart { width:100%; height:auto; background:#fff; border:1px solid var(--line); border-radius:8px; }
svg.chart text { font:11px system-ui, sans-serif; fill:var(--muted); }
.legend span { margin-right:1rem; font-size:12px; } .sw { display:inline-block; width:10px; height:10px; margin-right:4px; border-radius:2px; }
form.inline { display:inline; margin-left:.5rem; }
.sw-stable { background:#3559c7; } .sw-candidate { background:#b3261e; }
pre.body { max-height:480px; overflow:auto; }
.login { max-width:420px; margin:10vh auto; }
.login input { width:100%; margin:.5rem 0 1rem; }
.error-box { border-left:4px solid var(--bad); background:#fff7f6; padding:.5rem .8rem; margin-bottom:1rem; }
/* A narrow window: the nav wraps (above), sides stack, and a wide table scrolls inside its own box
   instead of pushing the whole page sideways. */
@media (max-width: 760px) {
  header { padding:.5rem .8rem; } header .brand { margin-right:0; } header .who { margin-left:0; }
  main { padding:.8rem; }
  .side { grid-template-columns:1fr; }
  table { display:block; overflow-x:auto; }
  svg.chart { min-width:0; }
  main, .card, .grid > * { min-width:0; }
}
${barWidths}
`;
