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
      out.push(...fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
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

/** Sums the RSS of `pid` and its descendants every `intervalMs`; `stop()` returns the peak in MB. */
export function watchTreeRss(pid: number, intervalMs = 100): { stop(): number } {
  let peakKb = 0;
  const sample = () => {
    const stack = [pid];
    let total = 0;
    while (stack.length > 0) {
      const p = stack.pop()!;
      total += rssKb(p);
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
  };
}
