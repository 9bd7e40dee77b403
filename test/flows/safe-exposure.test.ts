/**
 * Safe exposure end to end, through every channel's real code: a restricted
 * e-mail's attachment never reaches an ungranted reader, a granted user in a
 * shared conversation gets public letters and a pointer to the private chat,
 * and letters carrying links, mentions and HTML reach no channel live
 * (extractive, and with a loopback model that obeys the injection).
 * The full counts are `npm run bench:exposure` (docs/reliability.md).
 */
import { ANSWER_TEXT } from '../../src/messages.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/openai-server.js';
import {
  startSlackDriver,
  startTeamsDriver,
  startWebDriver,
} from '../../bench/reliability/exposure-channels.js';
import {
  INJECTED,
  USERS,
  askCli,
  buildExposureArchive,
  exposureAssistant,
  inspectOutput,
  leakedCanaries,
  type ExposureArchive,
} from '../../bench/reliability/exposure-world.js';

const ATTACHMENT_QUESTION = 'Ile wyniesie odszkodowanie za zalanie piwnicy przy ulicy Klonowej?';
/** How the privacy pointer looks once each channel escaped it. */
const POINTER = ANSWER_TEXT.pl.privateChatOnly.slice(0, 40);

let world: ExposureArchive;
let llm: FakeOpenAiServer;
beforeAll(async () => {
  world = await buildExposureArchive();
  llm = await startFakeOpenAiServer();
  llm.fallback = (await import('../../bench/reliability/exposure-world.js')).obeyingModel;
}, 60_000);
afterAll(async () => {
  await llm.close();
  await world.close();
});

describe('a restricted e-mail’s attachment', () => {
  test('reaches no ungranted reader through the CLI, the web console (answer, draft), Slack or Teams', async () => {
    const assistant = exposureAssistant(world.index);
    const slack = await startSlackDriver(assistant);
    const teams = await startTeamsDriver(assistant);
    const web = await startWebDriver(assistant, world.index);
    try {
      const outputs = [
        await askCli(world.dataDir, ATTACHMENT_QUESTION),
        await web.ask(USERS.webOutsider, ATTACHMENT_QUESTION),
        await web.ask(undefined, ATTACHMENT_QUESTION),
        await web.draft(USERS.webOutsider, ATTACHMENT_QUESTION),
        await slack.ask('mention', USERS.slackOutsider, ATTACHMENT_QUESTION),
        await slack.ask('dm', USERS.slackOutsider, ATTACHMENT_QUESTION),
        await slack.ask('slash-private', USERS.slackOutsider, ATTACHMENT_QUESTION),
        await teams.ask('personal', USERS.teamsOutsider, ATTACHMENT_QUESTION),
      ];
      for (const out of outputs) expect(leakedCanaries(out)).toEqual([]);
      // The same question from a granted user in a 1:1 does get it: the check above could fail.
      expect(
        leakedCanaries(await slack.ask('dm', USERS.slackGranted, ATTACHMENT_QUESTION)),
      ).not.toEqual([]);
      expect(
        leakedCanaries(await teams.ask('personal', USERS.teamsGranted, ATTACHMENT_QUESTION)),
      ).not.toEqual([]);
      expect(leakedCanaries(await web.ask(USERS.webGranted, ATTACHMENT_QUESTION))).not.toEqual([]);
    } finally {
      await slack.close();
      await teams.close();
      await web.close();
    }
  }, 90_000);
});

describe('channel rule', () => {
  test('a granted user asking in a Slack channel or a Teams channel gets no restricted text, and a pointer to the private chat', async () => {
    const assistant = exposureAssistant(world.index);
    const slack = await startSlackDriver(assistant);
    const teams = await startTeamsDriver(assistant);
    try {
      for (const out of [
        await slack.ask('mention', USERS.slackGranted, ATTACHMENT_QUESTION),
        await slack.ask('slash', USERS.slackGranted, ATTACHMENT_QUESTION),
        await slack.ask('group-dm', USERS.slackGranted, ATTACHMENT_QUESTION),
        await teams.ask('channel', USERS.teamsChannelGranted, ATTACHMENT_QUESTION),
        await teams.ask('group-chat', USERS.teamsChannelGranted, ATTACHMENT_QUESTION),
      ]) {
        expect(leakedCanaries(out)).toEqual([]);
        expect(out).toContain(POINTER);
      }
    } finally {
      await slack.close();
      await teams.close();
    }
  }, 90_000);
});

describe('letters carrying markup', () => {
  test.each([
    ['extractive', false],
    ['an obeying LLM', true],
  ])(
    'reach Slack, Teams and the web console inert (%s)',
    async (_name, withLlm) => {
      const assistant = exposureAssistant(world.index, withLlm ? llm : undefined);
      const slack = await startSlackDriver(assistant);
      const teams = await startTeamsDriver(assistant);
      const web = await startWebDriver(assistant, world.index);
      try {
        for (const letter of INJECTED.slice(0, 4)) {
          const slackOut = [
            await slack.ask('mention', USERS.slackOutsider, letter.question),
            await slack.ask('dm', USERS.slackOutsider, letter.question),
            await slack.ask('slash', USERS.slackOutsider, letter.question),
          ];
          for (const out of slackOut) {
            expect(out).toContain('remont');
            expect(inspectOutput(out, { ownMentions: [`<@${USERS.slackOutsider}>`] })).toEqual({
              foreignLinks: [],
              mentions: [],
              markup: [],
            });
          }
          for (const out of [
            await teams.ask('personal', USERS.teamsOutsider, letter.question),
            await teams.ask('channel', USERS.teamsChannelGranted, letter.question),
          ]) {
            expect(out).toContain('remont');
            expect(inspectOutput(out)).toEqual({ foreignLinks: [], mentions: [], markup: [] });
          }
          const webOut = await web.ask(USERS.webOutsider, letter.question);
          expect(inspectOutput(webOut, { isWeb: true })).toEqual({
            foreignLinks: [],
            mentions: [],
            markup: [],
          });
          // The letter's own address is the one link that may be shown.
          expect(slackOut.join('')).toContain(letter.url);
        }
        // The obeying model was really asked (and answered with links, mentions and a script).
        if (withLlm) expect(llm.requests.some((r) => r.body.model === 'obeying-model')).toBe(true);
      } finally {
        await slack.close();
        await teams.close();
        await web.close();
      }
    },
    120_000,
  );
});
