// Preloaded into the `kancelaria serve` that bench/measure-mcp-search.ts
// starts (`node --import ./bench/record-server-cpu.mjs bin/kancelaria.js serve`):
// records the CPU time and wall time of every HTTP request the server
// handles, from the moment its headers are parsed to the moment its response
// is handed to the socket (Node's built-in `http.server.*` diagnostics
// channels, so the server's code is not touched and nothing of this exists
// outside the bench). Requests are sequential in the bench, so a request's
// process CPU delta is its own work. The bench talks to it over the IPC
// channel: `reset` drops what the warm-up recorded, `report` sends the
// records and the process's CPU time since the reset (which also counts work
// outside requests: garbage collection after the response, timers).
import dc from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';

const open = new WeakMap();
let records = [];
let since = process.cpuUsage();
let sinceWall = performance.now();

const cpuMs = (usage) => (usage.user + usage.system) / 1000;

dc.subscribe('http.server.request.start', ({ request }) => {
  open.set(request, { cpu: process.cpuUsage(), wall: performance.now() });
});
dc.subscribe('http.server.response.finish', ({ request }) => {
  const started = open.get(request);
  if (!started) return;
  records.push({
    method: request.method,
    url: request.url,
    cpu_ms: cpuMs(process.cpuUsage(started.cpu)),
    wall_ms: performance.now() - started.wall,
  });
});

process.on('message', (message) => {
  if (message === 'reset') {
    records = [];
    since = process.cpuUsage();
    sinceWall = performance.now();
    process.send?.({ type: 'reset' });
  } else if (message === 'report') {
    process.send?.({
      type: 'report',
      records,
      process_cpu_ms: cpuMs(process.cpuUsage(since)),
      process_wall_ms: performance.now() - sinceWall,
    });
  }
});
// The IPC channel must not keep a stopped server alive.
process.channel?.unref();
