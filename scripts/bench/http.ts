// A small HTTP client and load loop on node:http with keep-alive, and helpers to start, wait for
// and stop the servers under test. Hand-written: no load-testing dependency.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

export type Reply = { status: number; body: Buffer; ms: number; headers: http.IncomingHttpHeaders };

/** The API token every request sends (the console answers 401 without one). */
let authorization: string | null = null;
export function useBearerToken(token: string) {
  authorization = `Bearer ${token}`;
}

/** One request; the whole body is read before the time is taken. */
export function request(agent: http.Agent, port: number, method: string, path: string, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
    const started = performance.now();
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          ...(authorization ? { authorization } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), ms: performance.now() - started, headers: res.headers }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The server's own time from `Server-Timing: app;dur=<ms>` (lib/server/api/handler.ts), or NaN. */
export function serverTimingMs(reply: Reply): number {
  const header = reply.headers['server-timing'];
  const match = /(?:^|,)\s*app;dur=([\d.]+)/.exec(Array.isArray(header) ? header.join(',') : (header ?? ''));
  return match ? Number(match[1]) : NaN;
}

export type LoadResult = {
  requests: number;
  errors: number;
  statuses: Record<number, number>;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  meanBytes: number;
};

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/**
 * `connections` workers, each with its own keep-alive socket, POST bodies in turn for
 * warm-up + duration seconds; only requests started after the warm-up are counted.
 */
export async function load(port: number, path: string, bodies: Buffer[], { connections, warmupSeconds, seconds }: { connections: number; warmupSeconds: number; seconds: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const start = performance.now();
  const measureFrom = start + warmupSeconds * 1000;
  const end = measureFrom + seconds * 1000;
  let lastDone = measureFrom;

  const worker = async () => {
    for (;;) {
      const now = performance.now();
      if (now >= end) return;
      const body = bodies[next++ % bodies.length];
      try {
        const reply = await request(agent, port, 'POST', path, body);
        if (now >= measureFrom) {
          latencies.push(reply.ms);
          statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
          bytes += reply.body.length;
          lastDone = Math.max(lastDone, performance.now());
        }
      } catch {
        if (now >= measureFrom) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();

  const sorted = Float64Array.from(latencies).sort();
  const elapsed = (lastDone - measureFrom) / 1000;
  return {
    requests: latencies.length,
    errors,
    statuses,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    meanBytes: latencies.length ? bytes / latencies.length : 0,
  };
}

/** A port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A child process we started, with the tail of its output kept for error reports. */
export type Managed = { name: string; child: ChildProcess; output: () => string };

export function startProcess(name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Managed {
  // Its own process group, so stopping it also stops anything it forked, and nothing else.
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-16_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, child, output: () => tail };
}

/** Waits until the server answers any HTTP request (a 404 is an answer). */
export async function waitForHttp(managed: Managed, port: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const agent = new http.Agent({ keepAlive: false });
  try {
    while (performance.now() - started < timeoutMs) {
      if (managed.child.exitCode !== null || managed.child.signalCode !== null) {
        throw new Error(`${managed.name} exited (${managed.child.exitCode ?? managed.child.signalCode}) before answering:\n${managed.output()}`);
      }
      try {
        await request(agent, port, 'GET', '/__bench_ready');
        return performance.now() - started;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    agent.destroy();
  }
  throw new Error(`${managed.name} did not answer on port ${port} within ${timeoutMs / 1000} s:\n${managed.output()}`);
}

/** Stops a process we started (its group: SIGTERM, then SIGKILL), and waits for it to exit. */
export async function stopProcess(managed: Managed | undefined): Promise<void> {
  if (!managed) return;
  const { child } = managed;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      try {
        child.kill(sig);
      } catch {
        // already gone
      }
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process, in MB (Linux /proc), or NaN elsewhere. */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
