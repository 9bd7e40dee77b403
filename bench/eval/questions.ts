/** The question-set format of `npm run eval` (DESIGN.md §3), validated line by line. */
import fs from 'node:fs';
import { z } from 'zod';

const questionSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1),
    relevant: z.array(z.string()).default([]),
    answerable: z.boolean().optional(),
    must_contain: z.array(z.string()).optional(),
  })
  .transform((q) => ({ ...q, answerable: q.answerable ?? q.relevant.length > 0 }));

export type EvalQuestion = z.infer<typeof questionSchema>;

/**
 * Reads a JSONL question file.
 * @throws naming the line number of the first invalid line.
 */
export function readQuestions(file: string): EvalQuestion[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out: EvalQuestion[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON`);
    }
    const parsed = questionSchema.safeParse(json);
    if (!parsed.success)
      throw new Error(
        `${file}:${i + 1}: ${parsed.error.issues.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ')}`,
      );
    out.push(parsed.data);
  });
  return out;
}
