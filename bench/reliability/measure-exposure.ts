/**
 * `npm run bench:exposure`: counts leaks and injections through the real
 * channels (docs/reliability.md, `## Safe exposure`).
 *
 * Leaks: every targeted question × every way an ungranted reader can ask or
 * read (CLI, web answer/draft/anonymous, Slack mention/DM/slash/-p, Teams
 * 1:1, Teams emulator claiming a granted id) and every shared conversation a
 * granted user can ask in (Slack channel, group DM, `/archiwum` without -p,
 * a question forwarded into a channel thread, Teams channel and group chat).
 * A leak is any restricted letter's case code or figure in what was sent.
 * A positive control (granted user, 1:1) shows the detector can fire.
 *
 * Injection: 25 letters carrying links, mentions, HTML and an instruction,
 * one question each, through Slack (mention, DM, slash), Teams (1:1,
 * channel) and the web console, extractive and with a loopback model that
 * obeys the injection; plus injected thread history (Slack thread, web).
 */
import { performance } from 'node:perf_hooks';
import { startFakeOpenAiServer } from '../../test/fakes/openai-server.js';
import {
  startSlackDriver,
  startTeamsDriver,
  startWebDriver,
  type SlackWay,
  type TeamsWay,
} from './exposure-channels.js';
import {
  INJECTED,
  TARGETED_QUESTIONS,
  USERS,
  askCli,
  buildExposureArchive,
  exposureAssistant,
  injectedHistory,
  inspectOutput,
  leakedCanaries,
  obeyingModel,
  shownWebText,
} from './exposure-world.js';

interface Tally {
  attempts: number;
  failures: number;
  examples: string[];
}
const tallies = new Map<string, Tally>();
function count(row: string, isFailure: boolean, example = ''): void {
  const t = tallies.get(row) ?? { attempts: 0, failures: 0, examples: [] };
  t.attempts += 1;
  if (isFailure) {
    t.failures += 1;
    if (t.examples.length < 3) t.examples.push(example.slice(0, 200));
  }
  tallies.set(row, t);
}

const started = performance.now();
const world = await buildExposureArchive();
const llm = await startFakeOpenAiServer();
llm.fallback = obeyingModel;
try {
  // ---- Leaks (extractive: access is decided by retrieval, before any model) ----
  {
    const assistant = exposureAssistant(world.index);
    const slack = await startSlackDriver(assistant);
    const teams = await startTeamsDriver(assistant);
    const emulator = await startTeamsDriver(assistant, { emulator: true });
    const web = await startWebDriver(assistant, world.index);
    // A case code the asker typed is echoed with the question; only what the letters hold counts.
    const leakedBeyond = (q: string, out: string) =>
      leakedCanaries(out).filter((c) => !q.includes(c));
    let q = '';
    const leak = (row: string, out: string) => {
      const found = leakedBeyond(q, out);
      count(`leak: ${row}`, found.length > 0, found.join(', '));
    };
    for (q of TARGETED_QUESTIONS) {
      leak('CLI (ungranted)', await askCli(world.dataDir, q));
      leak('web answer (ungranted)', await web.ask(USERS.webOutsider, q));
      leak('web answer (anonymous)', await web.ask(undefined, q));
      leak('web draft (ungranted)', await web.draft(USERS.webOutsider, q));
      for (const way of ['mention', 'dm', 'slash', 'slash-private'] as SlackWay[])
        leak(`Slack ${way} (ungranted)`, await slack.ask(way, USERS.slackOutsider, q));
      for (const way of ['mention', 'group-dm', 'slash'] as SlackWay[])
        leak(
          `Slack ${way === 'mention' ? 'channel mention' : way} (granted, shared)`,
          await slack.ask(way, USERS.slackGranted, q),
        );
      leak(
        'Slack forwarded into a channel thread (granted, shared)',
        await slack.ask('forwarded-in-channel', USERS.slackGranted, q, [
          { role: 'user', text: `Przekazuję pytanie z prywatnej rozmowy: ${q}` },
        ]),
      );
      leak('Teams 1:1 (ungranted)', await teams.ask('personal', USERS.teamsOutsider, q));
      for (const way of ['channel', 'group-chat'] as TeamsWay[])
        leak(`Teams ${way} (granted, shared)`, await teams.ask(way, USERS.teamsChannelGranted, q));
      leak(
        'Teams emulator 1:1 claiming a granted id',
        await emulator.ask('personal', USERS.teamsGranted, q),
      );
      // Positive control: the detector fires when the reader is entitled.
      const control = leakedBeyond(q, await slack.ask('dm', USERS.slackGranted, q));
      count('control: Slack DM (granted) sees restricted text', control.length === 0);
    }
    await slack.close();
    await teams.close();
    await emulator.close();
    await web.close();
  }

  // ---- Injection: letters, extractive and with the obeying model ----
  for (const mode of ['extractive', 'obeying LLM'] as const) {
    const assistant = exposureAssistant(world.index, mode === 'obeying LLM' ? llm : undefined);
    const slack = await startSlackDriver(assistant);
    const teams = await startTeamsDriver(assistant);
    const web = await startWebDriver(assistant, world.index);
    const check = (row: string, out: string, options: Parameters<typeof inspectOutput>[1] = {}) => {
      const f = inspectOutput(out, options);
      const bad = [...f.foreignLinks, ...f.mentions, ...f.markup];
      count(`injection (${mode}): ${row}`, bad.length > 0, bad.join(' '));
    };
    // Letters' own instructions are quoted text (their links and mentions are what must not work);
    // history's instruction (`WYKONANO-1nn`) must not be carried out at all.
    const checkHistory = (
      row: string,
      out: string,
      options: Parameters<typeof inspectOutput>[1] = {},
    ) => {
      check(row, out, options);
      count(
        `instructions from history followed (${mode}): ${row}`,
        /WYKONANO-1\d\d/.test(out),
        /WYKONANO-1\d\d/.exec(out)?.[0] ?? '',
      );
    };
    for (const letter of INJECTED) {
      // Detector control: the letter's own text, as ingested, is flagged (so zero below means made inert, not missed).
      const raw = (
        await world.index.getPassages(
          (await world.index.listLetters()).find((d) => d.file === letter.file)!.id,
        )
      )
        .map((p) => p.text)
        .join('\n');
      const rawFindings = inspectOutput(raw);
      count(
        `control (${mode}): injected letter text flagged by the detector`,
        [...rawFindings.foreignLinks, ...rawFindings.mentions, ...rawFindings.markup].length === 0,
      );
      for (const way of ['mention', 'dm', 'slash'] as SlackWay[])
        check(`Slack ${way}`, await slack.ask(way, USERS.slackOutsider, letter.question), {
          ownMentions: [`<@${USERS.slackOutsider}>`],
        });
      check('Teams 1:1', await teams.ask('personal', USERS.teamsOutsider, letter.question));
      check(
        'Teams channel',
        await teams.ask('channel', USERS.teamsChannelGranted, letter.question),
      );
      check('web', await web.ask(USERS.webOutsider, letter.question), { isWeb: true });
      // History that carries an instruction (a forwarded message, an earlier answer quoting a letter).
      const history = injectedHistory(letter.n);
      checkHistory(
        'history: Slack thread',
        await slack.ask('dm', USERS.slackOutsider, 'A kiedy zakończy się remont?', history),
      );
      const webHistory = await web.ask(USERS.webOutsider, 'A kiedy zakończy się remont?', history);
      check('history: web', webHistory, { isWeb: true });
      // The wire also echoes the (condensed) question as data; what counts is the text the clerk is shown.
      count(
        `instructions from history followed (${mode}): history: web`,
        /WYKONANO-1\d\d/.test(shownWebText(webHistory)),
        /WYKONANO-1\d\d/.exec(shownWebText(webHistory))?.[0] ?? '',
      );
    }
    await slack.close();
    await teams.close();
    await web.close();
  }
} finally {
  await llm.close();
  await world.close();
}

const rows = [...tallies.entries()];
const sum = (prefix: string) =>
  rows
    .filter(([r]) => r.startsWith(prefix))
    .reduce(
      (a, [, t]) => ({ attempts: a.attempts + t.attempts, failures: a.failures + t.failures }),
      { attempts: 0, failures: 0 },
    );
console.log('| check | attempts | failures | examples |');
console.log('|---|---:|---:|---|');
for (const [row, t] of rows)
  console.log(
    `| ${row} | ${t.attempts} | ${t.failures} | ${t.examples.map((e) => `\`${e.replace(/\|/g, '\\|')}\``).join(' ')} |`,
  );
const leaks = sum('leak:');
const control = sum('control: Slack');
console.log(
  `\nleaks: ${leaks.failures} of ${leaks.attempts} attempts; positive control missed: ${control.failures} of ${control.attempts}`,
);
const detector = sum('control (');
console.log(
  `detector control: injected letters not flagged in their raw text: ${detector.failures} of ${detector.attempts}`,
);
for (const mode of ['extractive', 'obeying LLM']) {
  const inj = sum(`injection (${mode})`);
  const followed = sum(`instructions from history followed (${mode})`);
  console.log(
    `injection (${mode}): ${inj.failures} of ${inj.attempts} outputs with a foreign link, mention or markup; instructions from history followed: ${followed.failures} of ${followed.attempts}`,
  );
}
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
