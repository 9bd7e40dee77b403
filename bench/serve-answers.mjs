// The serving process `npm run bench` measures peak RSS of: the compiled
// app (dist/, as `kancelaria serve` runs it), built from DATA_DIR by the same
// composition root, answering every question of a file as a channel would
// (access groups on). Plain JavaScript on the build, so neither tsx nor the
// bench's own state weighs on the figure. Prints one JSON line.
import fs from 'node:fs';
import { loadConfig } from '../dist/src/config.js';
import { createApp } from '../dist/src/app.js';
import { collectAnswer } from '../dist/src/assistant/create-assistant.js';
import { silentLogger } from '../dist/src/logger.js';

const questions = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const app = await createApp(loadConfig(), silentLogger());
let refused = 0;
for (const question of questions) {
  const answer = await collectAnswer(app.assistant, {
    question,
    user: { id: 'bench:serve', accessGroups: ['radni'] },
  });
  if (answer.kind === 'refusal') refused++;
}
await app.close();
process.stdout.write(
  `${JSON.stringify({ questions: questions.length, refused, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
