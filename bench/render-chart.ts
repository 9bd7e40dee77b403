/**
 * `tsx bench/render-chart.ts BENCH.json OUT.svg`: the chart in
 * docs/performance.md, drawn from the JSON `npm run bench -- --json` prints
 * (its last line): p95 latency against archive size (letters, log scale) for
 * our answer path, our search, and the peers' retrieval. Plain SVG, no
 * library: five polylines and their labels.
 */
import fs from 'node:fs';
import { z } from 'zod';

const latency = z.object({ p95_ms: z.number() });
const benchJson = z.object({
  load_average: z.array(z.number()).optional(),
  measured_at: z.string().optional(),
  rows: z.array(
    z.object({
      letters: z.number(),
      ours: z.object({ answer: latency, search: latency }),
      naive_fts5_stopwords: z.object({ search: latency }),
      naive_fts5_raw: z.object({ search: latency }),
      /** Absent in runs made before the MiniSearch peer was added. */
      minisearch: z.object({ search: latency }).optional(),
    }),
  ),
});

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: tsx bench/render-chart.ts BENCH.json OUT.svg');
  process.exit(2);
}
const lastLine = fs.readFileSync(input, 'utf8').trim().split('\n').at(-1) ?? '{}';
const { rows, measured_at: measuredAt } = benchJson.parse(JSON.parse(lastLine));

const allSeries: {
  label: string;
  color: string;
  pick: (r: (typeof rows)[number]) => number | undefined;
}[] = [
  {
    label: 'Kancelaria: whole answer (access groups on)',
    color: '#c0392b',
    pick: (r: (typeof rows)[number]) => r.ours.answer.p95_ms,
  },
  {
    label: 'Kancelaria: search only',
    color: '#e67e22',
    pick: (r: (typeof rows)[number]) => r.ours.search.p95_ms,
  },
  {
    label: 'naive FTS5 + our stop words (fair peer)',
    color: '#2471a3',
    pick: (r: (typeof rows)[number]) => r.naive_fts5_stopwords.search.p95_ms,
  },
  {
    label: 'naive FTS5, raw words (issue 3 peer)',
    color: '#7f8c8d',
    pick: (r: (typeof rows)[number]) => r.naive_fts5_raw.search.p95_ms,
  },
  {
    label: 'MiniSearch: folded, stop words, title boost',
    color: '#27ae60',
    pick: (r: (typeof rows)[number]) => r.minisearch?.search.p95_ms,
  },
];
// A peer a run did not measure is left out, not drawn at zero.
const series = allSeries.filter((s) => rows.every((r) => s.pick(r) !== undefined)) as {
  label: string;
  color: string;
  pick: (r: (typeof rows)[number]) => number;
}[];

const W = 640;
const H = 360;
const M = { left: 60, right: 20, top: 30, bottom: 110 };
const xs = rows.map((r) => Math.log10(r.letters));
const xMin = Math.min(...xs) - 0.15;
const xMax = Math.max(...xs) + 0.15;
const yMax = Math.max(1, ...rows.flatMap((r) => series.map((s) => s.pick(r)))) * 1.1;
const x = (letters: number) =>
  M.left + ((Math.log10(letters) - xMin) / (xMax - xMin)) * (W - M.left - M.right);
const y = (ms: number) => H - M.bottom - (ms / yMax) * (H - M.top - M.bottom);

const parts: string[] = [];
parts.push(
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
);
parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
parts.push(
  `<text x="${M.left}" y="18" font-size="13">p95 latency (ms) vs archive size (letters, distinct text)${measuredAt ? `, ${measuredAt.slice(0, 16)}Z` : ''}</text>`,
);
parts.push(
  `<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="black"/>`,
);
parts.push(
  `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="black"/>`,
);
for (let i = 0; i <= 4; i++) {
  const v = (yMax / 4) * i;
  parts.push(
    `<line x1="${M.left - 4}" y1="${y(v)}" x2="${W - M.right}" y2="${y(v)}" stroke="#ddd"/><text x="${M.left - 6}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(0)}</text>`,
  );
}
for (const r of rows)
  parts.push(
    `<text x="${x(r.letters)}" y="${H - M.bottom + 16}" text-anchor="middle">${r.letters.toLocaleString('en-US')}</text>`,
  );
series.forEach((s, i) => {
  const points = rows.map((r) => `${x(r.letters).toFixed(1)},${y(s.pick(r)).toFixed(1)}`).join(' ');
  parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points}"/>`);
  for (const r of rows)
    parts.push(
      `<circle cx="${x(r.letters).toFixed(1)}" cy="${y(s.pick(r)).toFixed(1)}" r="3" fill="${s.color}"/>`,
    );
  const ly = H - M.bottom + 36 + i * 16;
  parts.push(
    `<rect x="${M.left}" y="${ly - 9}" width="14" height="4" fill="${s.color}"/><text x="${M.left + 20}" y="${ly - 4}">${s.label}</text>`,
  );
});
parts.push('</svg>');
fs.writeFileSync(output, `${parts.join('\n')}\n`);
