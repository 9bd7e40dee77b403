import { escapeSlackText, slackLink, toSafeMrkdwn } from '../../src/channels/escape-slack.js';
import { escapeTeamsText, teamsLink } from '../../src/channels/escape-teams.js';
import { escapeHtml } from '../../src/channels/escape-html.js';

const LETTER =
  'Pilne <!channel> <@U1> [formularz](https://evil.example/login) <script>alert(1)</script> <img src=x onerror=alert(1)> <at>Jan</at> & koniec';

describe('channel escaping', () => {
  test('Slack: no control sequence, mention or link from letter text', () => {
    const out = toSafeMrkdwn(LETTER);
    expect(out).not.toMatch(/<[^&]/);
    expect(out).toContain('&lt;script&gt;');
    expect(out).not.toContain('evil.example');
    expect(escapeSlackText('a & b')).toBe('a &amp; b');
    expect(slackLink('https://bip.example.pl/a.pdf', 'otwórz')).toBe(
      '<https://bip.example.pl/a.pdf|otwórz>',
    );
    expect(slackLink('javascript:alert(1)', 'otwórz')).toBeNull();
  });

  test('Teams: no HTML, <at> mention or markdown link from letter text', () => {
    const out = escapeTeamsText(LETTER);
    expect(out).not.toMatch(/<|\]\(/);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(teamsLink('https://bip.example.pl/a (1).pdf', 'otwórz')).toBeNull();
    expect(teamsLink('https://bip.example.pl/a.pdf', 'otwórz')).toBe(
      '[otwórz](https://bip.example.pl/a.pdf)',
    );
    expect(teamsLink('data:text/html,x', 'otwórz')).toBeNull();
  });

  test('HTML: every special character escaped', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
