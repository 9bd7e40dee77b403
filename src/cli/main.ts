/**
 * The `kancelaria` command line. Parses arguments (commander), loads the
 * configuration once, and runs one command. Exit codes: 0 success, 1 a fatal
 * error, 2 a usage or configuration error.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';

function setup(): { config: Config; logger: Logger } {
  const config = loadConfig();
  return { config, logger: createLogger(config.LOG_LEVEL) };
}

const program = new Command()
  .name('kancelaria')
  .description('Asystent archiwum pism urzędu: indeksowanie i odpowiedzi z cytatami.')
  .showHelpAfterError()
  .exitOverride();

program
  .command('ingest')
  .description(
    'sync an archive folder into the index (new/changed letters indexed, removed ones deleted)',
  )
  .argument('[dir]', 'archive folder (default: ARCHIVE_DIR; one of them is required)')
  .option('--full', 'rebuild: re-index every letter even when unchanged')
  .option('--dry-run', 'print what would be added, updated and deleted; write nothing')
  .option('--allow-deletions', 'allow deleting more than INGEST_MAX_DELETE_SHARE of the index')
  .option('--wait', 'wait for a running ingest to finish instead of failing')
  .option('--verify', 'read and hash every file, even those whose size and time are unchanged')
  .action(
    async (
      dir: string | undefined,
      opts: {
        full?: boolean;
        dryRun?: boolean;
        allowDeletions?: boolean;
        wait?: boolean;
        verify?: boolean;
      },
    ) => {
      const { config, logger } = setup();
      // No silent default folder: a forgotten argument used to sync the samples over the real index.
      const archiveDir = dir ?? config.archiveDir;
      if (!archiveDir)
        throw new CommanderError(
          2,
          'kancelaria.archive',
          'no archive folder: give one (kancelaria ingest DIR) or set ARCHIVE_DIR',
        );
      // Commands load lazily: `ask` should not pay for loading the Slack and Teams SDKs.
      const { runIngest } = await import('./commands/ingest.js');
      const summary = await runIngest({
        config,
        logger,
        dir: archiveDir,
        full: Boolean(opts.full),
        dryRun: Boolean(opts.dryRun),
        allowDeletions: Boolean(opts.allowDeletions),
        wait: Boolean(opts.wait),
        verify: Boolean(opts.verify),
        out: process.stdout,
      });
      // Bad input is reported and is no failure of the run; an internal error is: exit 0 promises a complete index.
      const internal = summary.failures.filter((f) => f.reason === 'internal').length;
      if (internal > 0) {
        console.error(
          `kancelaria: ${internal} file(s) failed with an internal error (see "failed: … internal" above and the log); the index is incomplete, run ingest again`,
        );
        process.exitCode = 1;
      }
    },
  );

program
  .command('ask')
  .description('answer a question from the index, with citations')
  .argument('<question>', 'the question, in Polish or English')
  .option('--json', 'print one JSON object (answer, refused, citations, passages)')
  .action(async (question: string, opts: { json?: boolean }) => {
    const { config, logger } = setup();
    const { runAsk } = await import('./commands/ask.js');
    await runAsk({ config, logger, question, json: Boolean(opts.json), out: process.stdout });
  });

program
  .command('draft')
  .description('draft an official reply (Polish letter form, with sources)')
  .argument('<request>', "what the reply answers, e.g. the councillor's question")
  .option('--to <name>', 'addressee, e.g. "Pan Grzegorz Krzak, Radny Miasta Chorzów"')
  .option('--from <name>', 'signatory "Name, Function" (default: OFFICE_SIGNATORY_*)')
  .option(
    '--cc <recipient>',
    '„Do wiadomości” recipient (repeatable)',
    (value: string, list: string[]) => [...list, value],
    [] as string[],
  )
  .option('--request-date <date>', "the request's date (YYYY-MM-DD), when its text does not say it")
  .option('--out <file.docx>', 'also write the draft as a Word document')
  .action(
    async (
      request: string,
      opts: { to?: string; from?: string; cc: string[]; requestDate?: string; out?: string },
    ) => {
      const { config, logger } = setup();
      if (opts.out && !opts.out.toLowerCase().endsWith('.docx'))
        throw new CommanderError(
          2,
          'kancelaria.out',
          `--out must name a .docx file (got "${opts.out}")`,
        );
      const { runDraft } = await import('./commands/draft.js');
      await runDraft({
        config,
        logger,
        request,
        ...(opts.to ? { to: opts.to } : {}),
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.cc.length > 0 ? { copiesTo: opts.cc } : {}),
        ...(opts.requestDate ? { requestDate: opts.requestDate } : {}),
        ...(opts.out ? { out: opts.out } : {}),
        stdout: process.stdout,
      });
    },
  );

program
  .command('serve')
  .description('start the bot server (health, Teams, Slack)')
  .action(async () => {
    const { config, logger } = setup();
    const { runServe } = await import('./commands/serve.js');
    await runServe({ config, logger });
  });

program
  .command('mcp')
  .description(
    'serve the archive to an MCP client (desktop assistant) on stdin/stdout, as MCP_STDIO_USER',
  )
  .option(
    '--new-token <user>',
    'print a new token for POST /mcp and its MCP_TOKENS entry (hash only)',
  )
  .option('--hash-token', 'print the SHA-256 of a token read from stdin, for MCP_TOKENS')
  .action(async (opts: { newToken?: string; hashToken?: boolean }) => {
    if (opts.newToken !== undefined) {
      const { newToken } = await import('./commands/mcp.js');
      const { token, entry } = newToken(opts.newToken);
      // The token is shown once, here; only its hash goes into the configuration.
      console.log(`token (give it to the user, store it nowhere else): ${token}`);
      console.log(`MCP_TOKENS entry: ${JSON.stringify(entry)}`);
      return;
    }
    if (opts.hashToken) {
      const { hashTokenFrom } = await import('./commands/mcp.js');
      console.log(await hashTokenFrom(process.stdin));
      return;
    }
    const { config, logger } = setup();
    const { runMcpStdio } = await import('./commands/mcp.js');
    await runMcpStdio({ config, logger });
  });

program
  .command('feedback')
  .description('answer feedback collected from Slack and Teams')
  .command('export')
  .description('print all feedback (question, answer, citations, rating, user, time)')
  .option('--format <format>', 'csv or json', 'csv')
  .action(async (opts: { format: string }) => {
    const { config, logger } = setup();
    if (opts.format !== 'csv' && opts.format !== 'json')
      throw new CommanderError(
        2,
        'kancelaria.format',
        `unknown format "${opts.format}" (csv or json)`,
      );
    const { runFeedbackExport } = await import('./commands/feedback-export.js');
    await runFeedbackExport({ config, logger, format: opts.format, out: process.stdout });
  });

program
  .command('snapshot')
  .description(
    'back up the index (Qdrant snapshot or SQLite copy) and the bot state into DATA_DIR/snapshots',
  )
  .action(async () => {
    const { config, logger } = setup();
    const { runSnapshot } = await import('./commands/snapshot.js');
    await runSnapshot({ config, logger, out: process.stdout });
  });

program
  .command('demo')
  .description('ingest samples/letters and answer the question about Liaoning')
  .action(async () => {
    const { config, logger } = setup();
    const { runDemo } = await import('./commands/demo.js');
    await runDemo({ config, logger, out: process.stdout });
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander prints its own usage errors; ours (code `kancelaria.*`) are printed here.
    if (error.code.startsWith('kancelaria.')) console.error(`kancelaria: ${error.message}`);
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    console.error(`kancelaria: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
