import { createAnalyzer, STEMMERS } from './src/archive/analyzer.js';
import { readQuestions } from './bench/eval/questions.js';
import { loadCorpus } from './bench/retrieval/load-corpus.js';
const a = createAnalyzer({ name: 'h', stem: STEMMERS['hunspell+light'] });
const corpus = await loadCorpus('/work/shared/corpus');
const byStem = new Map(corpus.map((c) => [c.letter.file.split('/').pop()!.replace(/\.[^.]+$/, ''), c]));
const qs = readQuestions('/work/shared/eval/titles-dev.jsonl');
const buckets = [0,0,0,0,0];
const low: string[] = [];
let noTitle = 0;
for (const q of qs) {
  const c = byStem.get(q.relevant[0]!.replace(/\.[^.]+$/, ''))!;
  if (!c.letter.title) noTitle++;
  const text = new Set(a.analyze(c.passages.map((p) => p.text).join('\n') + ' ' + (c.letter.title ?? '')));
  const terms = a.analyzeQuery(q.question);
  const cov = terms.filter((t) => text.has(t)).length / terms.length;
  buckets[Math.min(4, Math.floor(cov * 5))]!++;
  if (cov < 0.5) low.push(`${q.id} ${cov.toFixed(2)} title=${c.letter.title?.slice(0, 50)}`);
}
console.log('coverage buckets 0-.2,.2-.4,...', buckets, 'noTitle', noTitle, 'of', qs.length);
console.log(low.join('\n'));
