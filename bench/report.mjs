// Turns the generator's JSON lines into bench/results/latest.json, latest.md (figure, mockmate,
// peer, ratio; mockmate with its database on tmpfs beside, when run) and latency.svg (latency
// against offered load, both servers).
//
//   node bench/report.mjs RESULTS.jsonl OUT_DIR [note]
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";

const [input, outDir, note = ""] = process.argv.slice(2);
const runs = readFileSync(input, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const find = (scenario, server) => runs.find((r) => r.scenario === scenario && r.server === server) ?? {};
const servers = ["mockmate", "peer"];
const by = Object.fromEntries(servers.map((s) => [s, Object.fromEntries(["idle", "invite", "signal", "storm"].map((sc) => [sc, find(sc, s)]))]));

// The highest invite rate both servers held, to compare latencies at the same load.
const heldRates = (r) => new Set((r.steps ?? []).filter((s) => s.held).map((s) => s.rate));
// (When neither held any, the lowest rate offered.)
const common = [...heldRates(by.mockmate.invite)].filter((x) => heldRates(by.peer.invite).has(x)).sort((a, b) => b - a)[0] ??
  (by.mockmate.invite.steps ?? [])[0]?.rate;
const stepAt = (r, rate) => (r.steps ?? []).find((s) => s.rate === rate);
const cpuPerCycleMs = (st) => (st && st.completed ? (st.serverCpuSeconds * 1000) / st.completed : null);
const commonSignal = [...heldRates(by.mockmate.signal)].filter((x) => heldRates(by.peer.signal).has(x)).sort((a, b) => b - a)[0];

const figures = [
  ["idle: connections held", (s) => by[s].idle.connections, ""],
  ["idle: server RSS per connection (bytes)", (s) => by[s].idle.rssPerConnectionBytes, "lower is better"],
  ["idle: server CPU per heartbeat (µs)", (s) => by[s].idle.serverCpuMicrosPerHeartbeat, "lower is better"],
  ["invite: highest rate held, p99 < 50 ms (/s)", (s) => by[s].invite.maxRateHeld, "higher is better"],
  [`invite: p50 at ${common ?? "-"}/s (ms)`, (s) => stepAt(by[s].invite, common)?.latency.p50Ms, "lower is better"],
  [`invite: p99 at ${common ?? "-"}/s (ms)`, (s) => stepAt(by[s].invite, common)?.latency.p99Ms, "lower is better"],
  [`invite: p99.9 at ${common ?? "-"}/s (ms)`, (s) => stepAt(by[s].invite, common)?.latency.p999Ms, "lower is better"],
  [`invite: server CPU per cycle at ${common ?? "-"}/s (ms)`, (s) => cpuPerCycleMs(stepAt(by[s].invite, common)), "lower is better"],
  ["signal: highest relay rate held (msg/s)", (s) => by[s].signal.best?.held ? by[s].signal.best.relayedPerSecond : 0, "higher is better"],
  [`signal: relayed per server CPU-second at ${commonSignal ?? "-"} msg/s`, (s) => stepAt(by[s].signal, commonSignal)?.relayedPerServerCpuSecond, "higher is better"],
  ["signal: relayed per server CPU-second at its highest held rate", (s) => by[s].signal.best?.relayedPerServerCpuSecond, "higher is better"],
  [`signal: p99 at ${commonSignal ?? "-"} msg/s (ms)`, (s) => stepAt(by[s].signal, commonSignal)?.latency.p99Ms, "lower is better"],
  ["storm: clients", (s) => by[s].storm.clients, ""],
  ["storm: seconds until all back", (s) => (by[s].storm.allBack ? by[s].storm.secondsUntilAllBack : null), "lower is better"],
  ["storm: server CPU seconds", (s) => by[s].storm.serverCpuSeconds, "lower is better"],
];

const fmt = (v) => (v == null || Number.isNaN(v) ? "n/a" : Math.abs(v) >= 100 ? Math.round(v).toLocaleString("en-US") : Number(v.toPrecision(3)).toString());
const rows = figures.map(([name, get, better]) => {
  const m = get("mockmate"), p = get("peer");
  const ratio = m != null && p != null && p !== 0 ? m / p : null;
  return { figure: name, mockmate: m ?? null, peer: p ?? null, ratio, better };
});

const tmpfsInvite = find("invite", "mockmate-tmpfs");

const when = new Date().toISOString();
const md = [
  `# Benchmark: mockmate vs the Node/socket.io reference peer`,
  ``,
  `${when}, ${note}, ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}); each server pinned to CPU 0, the generator (build/mockmate-load) to CPU 1. Produced by \`make bench\`; numbers taken on a shared machine are noisy, compare the ratios. See docs/performance.md.`,
  ``,
  `| figure | mockmate | peer | ratio mockmate/peer | |`,
  `| --- | ---: | ---: | ---: | --- |`,
  ...rows.map((r) => `| ${r.figure} | ${fmt(r.mockmate)} | ${fmt(r.peer)} | ${r.ratio == null ? "n/a" : r.ratio.toFixed(2)} | ${r.better} |`),
  ``,
  ...(tmpfsInvite.steps ? [`mockmate with its SQLite on tmpfs instead (beside, not the default): invite held up to ${fmt(tmpfsInvite.maxRateHeld)}/s, server CPU per cycle at ${common ?? "-"}/s ${fmt(cpuPerCycleMs(stepAt(tmpfsInvite, common)))} ms.`, ``] : []),
  `Invite steps (offered rate: p50 / p99 ms, completed/sent, server CPU per cycle):`,
  ``,
  ...[...servers, ...(tmpfsInvite.steps ? ["mockmate-tmpfs"] : [])].map((s) => `- ${s === "mockmate-tmpfs" ? "mockmate, SQLite on tmpfs (beside)" : s}: ` + ((s === "mockmate-tmpfs" ? tmpfsInvite : by[s].invite).steps ?? []).map((st) => `${st.rate}/s: ${fmt(st.latency.p50Ms)} / ${fmt(st.latency.p99Ms)} (${st.completed}/${st.sent}, ${fmt(cpuPerCycleMs(st))} ms CPU/cycle)${st.held ? "" : " not held"}`).join("; ")),
  ``,
  `Signal steps (offered msg/s: relayed/s, relayed per server CPU-s, p99 ms):`,
  ``,
  ...servers.map((s) => `- ${s}: ` + (by[s].signal.steps ?? []).map((st) => `${st.rate}: ${fmt(st.relayedPerSecond)}, ${fmt(st.relayedPerServerCpuSecond)}, ${fmt(st.latency.p99Ms)}${st.held ? "" : " not held"}`).join("; ")),
  ``,
].join("\n");

writeFileSync(`${outDir}/latest.json`, JSON.stringify({ when, note, rows, runs }, null, 2) + "\n");
writeFileSync(`${outDir}/latest.md`, md);

// ---- chart: latency against offered load, log-log, one panel per scenario ----
const W = 1040, H = 450, panelW = 440, panelH = 320, top = 50, left = 70;
const colors = { mockmate: "#1f77b4", peer: "#d62728" };
function panel(x0, title, scenario, xLabel) {
  const series = servers.flatMap((s) => (by[s][scenario].steps ?? []).map((st) => ({ s, x: st.rate, p50: st.latency.p50Ms, p99: st.latency.p99Ms })));
  const xs = series.map((d) => d.x).filter((v) => v > 0), ys = series.flatMap((d) => [d.p50, d.p99]).filter((v) => v > 0);
  if (!xs.length || !ys.length) return `<text x="${x0 + 20}" y="${top + 20}">${title}: no data</text>`;
  const lx0 = Math.floor(Math.log10(Math.min(...xs))), lx1 = Math.ceil(Math.log10(Math.max(...xs)) + 0.01);
  const ly0 = Math.floor(Math.log10(Math.min(...ys))), ly1 = Math.ceil(Math.log10(Math.max(...ys)) + 0.01);
  const X = (v) => x0 + ((Math.log10(v) - lx0) / (lx1 - lx0)) * panelW;
  const Y = (v) => top + panelH - ((Math.log10(Math.max(v, 10 ** ly0)) - ly0) / (ly1 - ly0)) * panelH;
  let g = `<text x="${x0 + panelW / 2}" y="${top - 20}" text-anchor="middle" font-weight="bold">${title}</text>`;
  g += `<rect x="${x0}" y="${top}" width="${panelW}" height="${panelH}" fill="none" stroke="#888"/>`;
  for (let e = lx0; e <= lx1; e++) g += `<line x1="${X(10 ** e)}" y1="${top}" x2="${X(10 ** e)}" y2="${top + panelH}" stroke="#ddd"/><text x="${X(10 ** e)}" y="${top + panelH + 16}" text-anchor="middle" font-size="11">${10 ** e}</text>`;
  for (let e = ly0; e <= ly1; e++) g += `<line x1="${x0}" y1="${Y(10 ** e)}" x2="${x0 + panelW}" y2="${Y(10 ** e)}" stroke="#ddd"/><text x="${x0 - 6}" y="${Y(10 ** e) + 4}" text-anchor="end" font-size="11">${10 ** e} ms</text>`;
  g += `<line x1="${x0}" y1="${Y(50)}" x2="${x0 + panelW}" y2="${Y(50)}" stroke="#999" stroke-dasharray="4 4"/>`;
  g += `<text x="${x0 + panelW / 2}" y="${top + panelH + 34}" text-anchor="middle" font-size="12">${xLabel}</text>`;
  for (const s of servers) {
    for (const [key, dash] of [["p50", "6 3"], ["p99", ""]]) {
      const pts = series.filter((d) => d.s === s && d[key] > 0).map((d) => `${X(d.x).toFixed(1)},${Y(d[key]).toFixed(1)}`);
      if (pts.length) g += `<polyline points="${pts.join(" ")}" fill="none" stroke="${colors[s]}" stroke-width="2" stroke-dasharray="${dash}"/>`;
      for (const pt of pts) g += `<circle cx="${pt.split(",")[0]}" cy="${pt.split(",")[1]}" r="3" fill="${colors[s]}"/>`;
    }
  }
  return g;
}
const legend = servers.map((s, i) => `<line x1="${left + i * 220}" y1="${H - 12}" x2="${left + 30 + i * 220}" y2="${H - 12}" stroke="${colors[s]}" stroke-width="2"/><text x="${left + 36 + i * 220}" y="${H - 8}" font-size="12">${s} p99 (dashed: p50)</text>`).join("");
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="13"><rect width="100%" height="100%" fill="white"/>${panel(left, "invite round trip vs offered invitations/s", "invite", "invitations/s (log)")}${panel(left + panelW + 60, "signal relay latency vs offered messages/s", "signal", "messages/s (log)")}${legend}</svg>`;
writeFileSync(`${outDir}/latency.svg`, svg);
