/**
 * Static serving benchmark: requests per second and bytes per response for a pack tile (glb) and a
 * content-hashed bundle (js), cold (full body) and revalidated (If-None-Match, 304 when the server
 * offers ETags), through the application's HTTP server and, in the same run, through a bare
 * `fs.createReadStream` server as the baseline for this machine.
 *   npm run bench:http [-- --seconds 2 --connections 8 --rounds 3]
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createServer, request as httpRequest, type Agent, type Server } from 'node:http';
import { Agent as HttpAgent } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApplication } from '../server/app.js';
import { createLogger } from '../server/logger.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '2' }, connections: { type: 'string', default: '8' }, rounds: { type: 'string', default: '3' } } });
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const root = path.join(import.meta.dirname, '..');
const tilesDir = path.join(root, 'tiles');
const GLB = '/tiles/shanghai-bund/buildings/2-1-1.glb';
const JS = '/assets/cesium-Bx7Kq2aZ.js';

interface Case {
  name: string;
  path: string;
  headers: Record<string, string>;
}

interface Result {
  requestsPerSecond: number;
  bytesPerResponse: number;
  status: number;
}

/** One GET; resolves with the status, body bytes and ETag. */
function get(port: number, agent: Agent, urlPath: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; etag: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: urlPath, headers, agent }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, etag: res.headers.etag }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Keeps `connections` requests in flight for `seconds`; counts responses and body bytes. */
async function load(port: number, c: Case): Promise<Result> {
  const agent = new HttpAgent({ keepAlive: true, maxSockets: connections });
  let done = 0;
  let bytes = 0;
  let status = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const r = await get(port, agent, c.path, c.headers);
        done++;
        bytes += r.bytes;
        status = r.status;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { requestsPerSecond: done / elapsed, bytesPerResponse: bytes / done, status };
}

/** The cases for one server: each file cold, cold with brotli accepted, and revalidated with its ETag. */
async function casesFor(port: number): Promise<Case[]> {
  const cases: Case[] = [];
  for (const [label, urlPath] of [
    ['glb', GLB],
    ['js', JS],
  ] as const) {
    cases.push({ name: `${label} cold`, path: urlPath, headers: {} });
    cases.push({ name: `${label} cold, br accepted`, path: urlPath, headers: { 'accept-encoding': 'br, gzip' } });
    const agent = new HttpAgent();
    const { etag } = await get(port, agent, urlPath, {});
    agent.destroy();
    cases.push({ name: `${label} revalidated`, path: urlPath, headers: etag ? { 'if-none-match': etag } : {} });
  }
  return cases;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return (server.address() as AddressInfo).port;
}

// A built front end stand-in: Cesium's bundle under a hashed name, compressed as the build does.
const distDir = await mkdtemp(path.join(os.tmpdir(), 'sandtable-bench-dist-'));
await mkdir(path.join(distDir, 'assets'), { recursive: true });
await writeFile(path.join(distDir, 'index.html'), '<html>wall</html>');
const jsFile = path.join(distDir, JS);
await copyFile(path.join(root, 'node_modules/cesium/Build/Cesium/Cesium.js'), jsFile);
const js = await readFile(jsFile);
await writeFile(`${jsFile}.br`, brotliCompressSync(js, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: js.byteLength } }));
await writeFile(`${jsFile}.gz`, gzipSync(js, { level: 9 }));

// Baseline: the least a Node server can do for these files (no headers, no checks).
const baseline = createServer((req, res) => {
  const file = req.url!.startsWith('/tiles/') ? path.join(tilesDir, req.url!.slice('/tiles/'.length)) : path.join(distDir, req.url!);
  createReadStream(file).pipe(res);
});
const baselinePort = await listen(baseline);

const appServer = createServer();
const app = createApplication(appServer, {
  logger: createLogger('silent'),
  tilesDir,
  distDir,
  defaultCity: 'shanghai-bund',
  serverVersion: 'bench',
  feed: { tokens: { operator: 'o', planner: 'p', ingest: 'i' }, rate: 1, recordings: [] },
  database: { dataDir: await mkdtemp(path.join(os.tmpdir(), 'sandtable-bench-data-')) },
});
await app.feed;
const appPort = await listen(appServer);

// The machine is shared: alternate the two servers and keep each one's best round.
const best = (a: Result, b: Result): Result => (b.requestsPerSecond > a.requestsPerSecond ? b : a);
const rows: string[] = [];
for (const c of await casesFor(appPort)) {
  let base = await load(baselinePort, { ...c, headers: {} });
  let ours = await load(appPort, c);
  for (let round = 1; round < rounds; round++) {
    base = best(base, await load(baselinePort, { ...c, headers: {} }));
    ours = best(ours, await load(appPort, c));
  }
  rows.push(
    `${c.name.padEnd(22)} ${String(ours.status).padStart(3)}  ${ours.requestsPerSecond.toFixed(0).padStart(6)} req/s  ${Math.round(ours.bytesPerResponse).toString().padStart(8)} B   baseline ${base.requestsPerSecond.toFixed(0).padStart(6)} req/s ${Math.round(base.bytesPerResponse).toString().padStart(8)} B   ratio ${(ours.requestsPerSecond / base.requestsPerSecond).toFixed(2)}`,
  );
  console.log(rows.at(-1));
}

await app.close();
await new Promise((ok) => appServer.close(ok));
await new Promise((ok) => baseline.close(ok));
