/** The manifest must declare what the code listens to and calls; a mismatch only shows up after install. */
import fs from 'node:fs';
import { ADMIN_COMMAND } from '../../../src/channels/slack/register-admin-command.js';
import { ASK_COMMAND } from '../../../src/channels/slack/register-ask-command.js';
import { DRAFT_COMMAND, DRAFT_SHORTCUT } from '../../../src/channels/slack/register-draft.js';

const manifest = fs.readFileSync(new URL('../../../slack/manifest.yml', import.meta.url), 'utf8');

describe('slack/manifest.yml', () => {
  test.each([
    [`command: ${ASK_COMMAND}\n`],
    [`command: ${ADMIN_COMMAND}\n`],
    [`command: ${DRAFT_COMMAND}\n`],
    [`callback_id: ${DRAFT_SHORTCUT}\n`],
    ['- files:write'],
    ['- app_mention'],
    ['- message.im'],
    ['- assistant_thread_started'],
    ['- app_mentions:read'],
    ['- assistant:write'],
    ['- chat:write'],
    ['- commands'],
    ['- channels:history'],
    ['- im:history'],
    ['assistant_view:'],
    ['socket_mode_enabled: true'],
  ])('declares %j', (needle) => {
    expect(manifest).toContain(needle);
  });

  test('enables interactivity for the feedback buttons', () => {
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
  });
});
