/**
 * The manifest must pass Slack's manifest schema and declare what the code listens to and calls;
 * a mismatch only shows up after install, when an admin pastes it into api.slack.com.
 */
import fs from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { ADMIN_COMMAND } from '../../../src/channels/slack/register-admin-command.js';
import { ASK_COMMAND } from '../../../src/channels/slack/register-ask-command.js';
import { DRAFT_COMMAND, DRAFT_SHORTCUT } from '../../../src/channels/slack/register-draft.js';

const read = (path: string) => fs.readFileSync(new URL(path, import.meta.url), 'utf8');
const manifest = parse(read('../../../slack/manifest.yml')) as {
  features: {
    agent_view?: { agent_description?: string; suggested_prompts?: unknown[] };
    assistant_view?: unknown;
    slash_commands: { command: string }[];
    shortcuts?: { callback_id: string; type: string }[];
    app_home: { messages_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
};
const schema = JSON.parse(read('../../fixtures/slack/manifest.schema.json')) as {
  definitions: {
    Manifest: {
      properties: {
        oauth_config: {
          properties: { scopes: { properties: { bot: { items: { enum: string[] } } } } };
        };
      };
    };
  };
};
// The SDK's `BotScope` union (8.2.0) predates the assistant scopes; docs.slack.dev still names
// assistant:write as the one scope of assistant.threads.setSuggestedPrompts (checked 2026-12).
schema.definitions.Manifest.properties.oauth_config.properties.scopes.properties.bot.items.enum.push(
  'assistant:write',
);

describe('slack/manifest.yml', () => {
  test('passes the manifest schema of @slack/web-api (unknown fields, events and scopes fail)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(manifest)).toBe(true);
    // The schema is not a rubber stamp: a misspelt event and an unknown feature are refused.
    const broken = structuredClone(manifest) as unknown as Record<string, Record<string, unknown>>;
    broken.settings!.event_subscriptions = { bot_events: ['app_home_open'] };
    broken.features!.agent_viewer = {};
    expect(validate(broken)).toBe(false);
  });

  test('uses agent messaging, not the deprecated assistant view, within its documented limits', () => {
    expect(manifest.features.assistant_view).toBeUndefined();
    const agent = manifest.features.agent_view;
    expect(agent?.agent_description?.length).toBeGreaterThan(0);
    // @slack/web-api ManifestAgentView: description ≤ 300 characters, ≤ 4 suggested prompts.
    expect(agent!.agent_description!.length).toBeLessThanOrEqual(300);
    expect((agent!.suggested_prompts ?? []).length).toBeLessThanOrEqual(4);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  test('subscribes to the events the app handles, and no longer to the assistant-view ones', () => {
    const events = manifest.settings.event_subscriptions.bot_events;
    expect(events).toEqual(
      expect.arrayContaining([
        'app_mention',
        'message.im',
        'app_home_opened',
        'app_context_changed',
      ]),
    );
    expect(events).not.toContain('assistant_thread_started');
    expect(events).not.toContain('assistant_thread_context_changed');
  });

  test('asks for exactly the scopes the code needs', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'app_mentions:read',
        'assistant:write',
        'channels:history',
        'chat:write',
        'commands',
        'groups:history',
        'im:history',
        'mpim:history',
        'files:write',
      ].sort(),
    );
  });

  test('declares both slash commands, interactivity for the buttons, and Socket Mode', () => {
    const commands = manifest.features.slash_commands.map((c) => c.command);
    expect(commands).toEqual(expect.arrayContaining([ASK_COMMAND, ADMIN_COMMAND]));
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  test('declares the reply draft command and message shortcut', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toContain(DRAFT_COMMAND);
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ callback_id: DRAFT_SHORTCUT, type: 'message' }),
    ]);
  });
});
