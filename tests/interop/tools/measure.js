// Measures socketio-echo: resident memory per idle Socket.IO connection (WebSocket transport,
// joined to "/") and echo throughput. Not a test; run by hand:
//
//   node tests/interop/tools/measure.js [connections=2000] [seconds=5]
//
// Traffic goes to 127.0.0.1 only and stops by itself.
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { buildPath, start } from '../../lib/spawn.js';

const N = Number(process.argv[2] ?? 2000);
const SECONDS = Number(process.argv[3] ?? 5);

const rssKiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

function open(wsUrl) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl}/socket.io/?EIO=4&transport=websocket`);
    let joined = false;
    ws.on('error', reject);
    ws.on('message', (data) => {
      const s = String(data);
      if (s === '2') return ws.send('3');
      if (s.startsWith('0')) return ws.send('40');
      if (s.startsWith('42["auth"') && !joined) {
        joined = true;
        resolve(ws);
      }
    });
  });
}

const srv = await start(buildPath('socketio-echo'), ['--port', '0', '--ping-interval', '25000', '--ping-timeout', '20000']);
const wsUrl = srv.url.replace('http', 'ws');
const settle = () => new Promise((r) => setTimeout(r, 1000));
await settle();
const before = rssKiB(srv.proc.pid);
const sockets = [];
for (let i = 0; i < N; i += 100) {
  sockets.push(...await Promise.all(Array.from({ length: Math.min(100, N - i) }, () => open(wsUrl))));
}
await settle();
const after = rssKiB(srv.proc.pid);
console.log(`idle: ${N} connections, RSS ${before} KiB -> ${after} KiB, ${((after - before) * 1024 / N).toFixed(0)} bytes per connection`);

// Throughput: 50 clients each keep 10 messages in flight for SECONDS.
const clients = sockets.slice(0, 50);
let echoed = 0;
let running = true;
for (const ws of clients) {
  ws.on('message', (data) => {
    if (String(data).startsWith('42["message-back"')) {
      echoed++;
      if (running) ws.send('42["message","hello",{"n":1}]');
    }
  });
  for (let k = 0; k < 10; k++) ws.send('42["message","hello",{"n":1}]');
}
await new Promise((r) => setTimeout(r, SECONDS * 1000));
running = false;
console.log(`echo: ${(echoed / SECONDS).toFixed(0)} round trips/s (50 clients x 10 in flight, ${SECONDS} s)`);
console.log(`peak RSS ${rssKiB(srv.proc.pid)} KiB`);
for (const ws of sockets) ws.terminate();
await srv.stop();
process.exit(0);
