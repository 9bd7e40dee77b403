/**
 * `ChannelDeps` for tests that build one channel without the composition
 * root: the real admin commands over the test's status and reindex, and an
 * assistant that may only answer (its drafts reject), as the Slack and Teams
 * flow tests inject.
 */
import {
  createAdminCommands,
  type AdminCommandsOptions,
} from '../../src/assistant/admin-commands.js';
import type { StateStore } from '../../src/assistant/state-store.js';
import type { Answerer, Assistant } from '../../src/assistant/types.js';
import type { LetterReader } from '../../src/assistant/read-letter.js';
import type { ChannelDeps } from '../../src/channels/channel-adapter.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';

export interface ChannelDepsOptions {
  readonly config: Config;
  readonly assistant: Answerer | Assistant;
  readonly store: StateStore;
  readonly logger: Logger;
  readonly status?: AdminCommandsOptions['status'];
  readonly reindex?: AdminCommandsOptions['reindex'];
  /** The letter viewer's reader; by default one that knows no letter. */
  readonly letters?: LetterReader;
}

/** Builds the deps a channel factory takes. */
export function channelDeps({
  config,
  assistant,
  store,
  logger,
  status,
  reindex,
  letters = { read: () => Promise.resolve(null), originalPath: () => Promise.resolve(null) },
}: ChannelDepsOptions): ChannelDeps {
  const full: Assistant = {
    answer: (request) => assistant.answer(request),
    draft:
      'draft' in assistant
        ? (request) => assistant.draft(request)
        : () => Promise.reject(new Error('this test assistant only answers')),
  };
  const admin = createAdminCommands({
    status: status ?? (() => Promise.reject(new Error('no status in this test'))),
    reindex: reindex ?? (() => Promise.reject(new Error('no reindex in this test'))),
    audit: (record) => store.audit(record),
  });
  return { config, assistant: full, store, logger, admin, letters };
}
