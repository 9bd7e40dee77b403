/**
 * The `kancelaria` command line. Parses arguments (commander), loads the
 * configuration once, and runs one command. Exit codes: 0 success, 1 a fatal
 * error, 2 a usage or configuration error.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { runAsk } from './commands/ask.js';
import { runDemo } from './commands/demo.js';
import { runIngest } from './commands/ingest.js';
import { runServe } from './commands/serve.js';

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
  .description('sync an archive folder into the index (new/changed letters indexed, removed ones deleted)')
  .argument('[dir]', 'archive folder (default: ARCHIVE_DIR)')
  .option('--full', 'rebuild: re-index every letter even when unchanged')
  .action(async (dir: string | undefined, opts: { full?: boolean }) => {
    const { config, logger } = setup();
    await runIngest({ config, logger, ...(dir ? { dir } : {}), full: Boolean(opts.full), out: process.stdout });
  });

program
  .command('ask')
  .description('answer a question from the index, with citations')
  .argument('<question>', 'the question, in Polish or English')
  .option('--json', 'print one JSON object (answer, refused, citations, passages)')
  .action(async (question: string, opts: { json?: boolean }) => {
    const { config, logger } = setup();
    await runAsk({ config, logger, question, json: Boolean(opts.json), out: process.stdout });
  });

program
  .command('serve')
  .description('start the bot server (health, Teams, Slack)')
  .action(async () => {
    const { config, logger } = setup();
    await runServe({ config, logger });
  });

program
  .command('demo')
  .description('ingest samples/letters and answer the question about Liaoning')
  .action(async () => {
    const { config, logger } = setup();
    await runDemo({ config, logger, out: process.stdout });
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    console.error(`kancelaria: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
