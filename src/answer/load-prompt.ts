/**
 * Prompts are versioned text files in `prompts/` (one per task and language),
 * so wording is reviewed like code and changed without touching TypeScript.
 * A file holds the system message, a `=== user ===` line, and the user
 * message template; `{{name}}` placeholders are filled in here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import type { ChatMessage } from './llm-client.js';

/** Where the prompt files live (the repository's `prompts/`). */
export const PROMPTS_DIR = path.join(PACKAGE_ROOT, 'prompts');

export type PromptName = 'answer' | 'condense' | 'draft-reply' | 'judge-groundedness';

export interface Prompt {
  /** `answer.pl`, `condense.en`, … */
  readonly id: string;
  /** From the `<!-- prompt: …, version N -->` header; logged with each answer. */
  readonly version: string;
  readonly system: string;
  readonly userTemplate: string;
}

const cache = new Map<string, Prompt>();

/**
 * Reads (once) and parses a prompt file.
 * @throws Error when the file is missing or has no `=== user ===` line.
 */
export function loadPrompt(name: PromptName, language: 'pl' | 'en', dir = PROMPTS_DIR): Prompt {
  const file = path.join(dir, `${name}.${language}.md`);
  const cached = cache.get(file);
  if (cached) return cached;
  const raw = fs.readFileSync(file, 'utf8');
  const version = /<!--\s*prompt:\s*[\w.-]+,\s*version\s+([\w.]+)\s*-->/.exec(raw)?.[1] ?? '0';
  const body = raw.replace(/^<!--[\s\S]*?-->\s*/, '');
  const [system, user] = body.split(/^=== user ===$/m);
  if (system === undefined || user === undefined)
    throw new Error(`prompt ${file} has no "=== user ===" line`);
  const prompt = {
    id: `${name}.${language}`,
    version,
    system: system.trim(),
    userTemplate: user.trim(),
  };
  cache.set(file, prompt);
  return prompt;
}

/** Replaces `{{name}}` with `values[name]`, in one pass (filled-in text is never re-scanned). */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** System and user messages for a prompt with its placeholders filled. */
export function promptMessages(
  prompt: Prompt,
  values: Readonly<Record<string, string>>,
): ChatMessage[] {
  return [
    { role: 'system', content: fillTemplate(prompt.system, values) },
    { role: 'user', content: fillTemplate(prompt.userTemplate, values) },
  ];
}
