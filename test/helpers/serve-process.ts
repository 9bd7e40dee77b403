/** `kancelaria serve` as a real child process on 127.0.0.1:0, for outage drills (tests and bench/reliability). */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/run-sources.js');
export const CONSOLE_TOKEN = 'staff-secret-0123456789';

export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcessWithoutNullStreams;
  stderr(): string;
  /** `GET /healthz` as JSON. */
  health(): Promise<{ status: string; degraded?: Record<string, string>; [key: string]: unknown }>;
  /** A question through the web console; the SSE events it answered with. */
  ask(question: string): Promise<Array<{ type: string; [key: string]: unknown }>>;
  stop(): Promise<void>;
}

/** Starts `serve` with `env` (plus PATH, HOME, PORT=0 and the console token); resolves once it listens. */
export async function startServe(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      LOG_LEVEL: 'info',
      WEB_CONSOLE_TOKEN: CONSOLE_TOKEN,
      ...env,
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listen line in: ${stderr}`)), timeoutMs);
    const look = () => {
      const match = /"url":"(http:[^"]+)"/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stderr.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening: ${stderr}`));
    });
  });
  return {
    url,
    child,
    stderr: () => stderr,
    health: async () =>
      (await (await fetch(`${url}/healthz`)).json()) as Awaited<ReturnType<ServeProcess['health']>>,
    async ask(question) {
      const res = await fetch(`${url}/api/ask`, {
        method: 'POST',
        headers: { authorization: `Bearer ${CONSOLE_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ question }),
      });
      return (await res.text())
        .split('\n\n')
        .map((block) =>
          block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n'),
        )
        .filter(Boolean)
        .map((data) => JSON.parse(data) as { type: string });
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
