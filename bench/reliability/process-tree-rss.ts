/** Peak resident memory of a process and all its descendants, sampled from /proc (Linux). */
import fs from 'node:fs';

function children(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const task of tasks) {
    try {
      out.push(
        ...fs
          .readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number),
      );
    } catch {
      // the task ended while we looked
    }
  }
  return out;
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** What a process runs, shortened for the report (`ingest`, `extraction-worker.ts`, …). */
function roleOf(pid: number): string {
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = args.find((a) => /\.(ts|js|mjs)$/.test(a) && !a.includes('node_modules'));
    return `${script ? script.split('/').pop() : (args[0] ?? '?').split('/').pop()}${args.includes('ingest') ? ' ingest' : ''}`;
  } catch {
    return '?';
  }
}

/**
 * Sums the RSS of `pid` and its descendants every `intervalMs`; `stop()` returns the peak in MB,
 * `peaks()` each process's own peak by role (which one holds the memory).
 */
export function watchTreeRss(
  pid: number,
  intervalMs = 100,
): { stop(): number; peaks(): Record<string, number> } {
  let peakKb = 0;
  const perProcess = new Map<number, { role: string; peakKb: number }>();
  const sample = () => {
    const stack = [pid];
    let total = 0;
    while (stack.length > 0) {
      const p = stack.pop()!;
      const kb = rssKb(p);
      total += kb;
      const seen = perProcess.get(p) ?? { role: roleOf(p), peakKb: 0 };
      seen.peakKb = Math.max(seen.peakKb, kb);
      perProcess.set(p, seen);
      stack.push(...children(p));
    }
    peakKb = Math.max(peakKb, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(peakKb / 1024);
    },
    peaks() {
      const out: Record<string, number> = {};
      for (const { role, peakKb: kb } of perProcess.values())
        out[role] = Math.max(out[role] ?? 0, Math.round(kb / 1024));
      return out;
    },
  };
}
