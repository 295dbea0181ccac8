// Soak: mixed load (paths, timeline, transfers) on one server process for --minutes, sampling the server's RSS and
// heap every --sample seconds, then reporting growth (median of the first minute vs median of the last minute).
//   npm run soak -- [--minutes 10] [--store memory|neo4j] [--data sipri|excerpt|seed|FILE] [--connections 20]
//                   [--sample 5] [--out FILE.json]
// Not part of the test suite: it takes as long as asked.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkWorkload, formatLoad, runLoad, startServeProcess, workloadBodies } from './processes.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    store: { type: 'string', default: 'memory' },
    data: { type: 'string', default: 'sipri' },
    connections: { type: 'string', default: '20' },
    sample: { type: 'string', default: '5' },
    out: { type: 'string' },
  },
});
const minutes = Number(values.minutes);
const sampleS = Number(values.sample);
const connections = Number(values.connections);
const store = values.store === 'neo4j' ? 'neo4j' : 'memory';
if (!(minutes > 0) || !(sampleS > 0) || !(connections > 0)) throw new Error('--minutes, --sample and --connections must be positive numbers');

const mib = (n: number) => n / 2 ** 20;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

console.error(`soak: starting the ${store} server with ${values.data} data`);
const server = await startServeProcess({ store, data: values.data! });
const answers = await checkWorkload(server.url);
const samples: { t: number; rss: number; heapUsed: number }[] = [];
const t0 = Date.now();
const sample = async () => {
  const p = await server.probe();
  samples.push({ t: (Date.now() - t0) / 1000, rss: p.rss, heapUsed: p.heapUsed });
};
await sample();
const timer = setInterval(() => {
  sample().then(
    () => {
      const last = samples[samples.length - 1]!;
      if (samples.length % Math.max(1, Math.round(60 / sampleS)) === 0) {
        console.error(`soak: ${Math.round(last.t)} s, RSS ${mib(last.rss).toFixed(0)} MiB, heap ${mib(last.heapUsed).toFixed(0)} MiB`);
      }
    },
    (error: unknown) => console.error(`soak: sample failed: ${String(error)}`),
  );
}, sampleS * 1000);
const load = await runLoad(server.url, workloadBodies(), connections, Math.round(minutes * 60), 30);
clearInterval(timer);
await sample();
const same = JSON.stringify(await checkWorkload(server.url)) === JSON.stringify(answers);
const ready = (await fetch(`${server.url}/health/ready`)).status;
const exit = await server.stop();

const durationS = minutes * 60;
const first = samples.filter((s) => s.t <= 60);
const last = samples.filter((s) => s.t >= durationS - 60);
const report = {
  store, data: values.data, minutes, connections, sampleSeconds: sampleS, samples: samples.length,
  load,
  rssMiB: { firstMinuteMedian: mib(median(first.map((s) => s.rss))), lastMinuteMedian: mib(median(last.map((s) => s.rss))), max: mib(Math.max(...samples.map((s) => s.rss))) },
  heapMiB: { firstMinuteMedian: mib(median(first.map((s) => s.heapUsed))), lastMinuteMedian: mib(median(last.map((s) => s.heapUsed))), max: mib(Math.max(...samples.map((s) => s.heapUsed))) },
  answersUnchanged: same, readyAfter: ready, exitCode: exit,
};
const growth = (m: { firstMinuteMedian: number; lastMinuteMedian: number }) =>
  `${m.firstMinuteMedian.toFixed(1)} → ${m.lastMinuteMedian.toFixed(1)} MiB (${(m.lastMinuteMedian - m.firstMinuteMedian >= 0 ? '+' : '')}${(m.lastMinuteMedian - m.firstMinuteMedian).toFixed(1)} MiB, ${(((m.lastMinuteMedian / m.firstMinuteMedian) - 1) * 100).toFixed(1)} %)`;
console.log(formatLoad(`soak ${store} (${values.data})`, load));
console.log(`soak RSS, first-minute median → last-minute median: ${growth(report.rssMiB)}; max ${report.rssMiB.max.toFixed(1)} MiB`);
console.log(`soak heap used, first-minute median → last-minute median: ${growth(report.heapMiB)}; max ${report.heapMiB.max.toFixed(1)} MiB`);
console.log(`soak: ${samples.length} samples every ${sampleS} s; answers unchanged: ${same}; /health/ready ${ready}; server exit ${exit}`);
if (values.out) writeFileSync(values.out, `${JSON.stringify({ ...report, samplesMiB: samples.map((s) => [Math.round(s.t), +mib(s.rss).toFixed(1), +mib(s.heapUsed).toFixed(1)]) }, null, 2)}\n`);
const failed = load.errors + load.non2xx + load.timeouts + load.graphqlErrors > 0 || !same || ready !== 200 || exit !== 0;
process.exit(failed ? 1 : 0);
