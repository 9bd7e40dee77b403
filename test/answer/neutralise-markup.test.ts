import {
  createMarkupGuard,
  defangUrl,
  neutraliseMarkup,
} from '../../src/answer/neutralise-markup.js';
import { dropForeignLinks, isSafeLinkUrl } from '../../src/answer/link-policy.js';

const INJECTED = [
  'Wypełnij [formularz](https://evil.example/login) dziś.',
  'Uwaga <!channel> i <!here|here> oraz <@U123ABC> i <@U9|boss> w <#C42|ogolny> <!subteam^S1|@rada>.',
  '<at>Jan Kowalski</at> kliknij [x](javascript:alert(1)) albo ![i](data:text/html;base64,PHNjcmlwdD4=).',
  'Zobacz <https://evil.example/a|tutaj> i https://evil.example/b oraz www.evil.example i evil.example/c.',
  '@channel @here @everyone javascript:alert(1) data:text/html,<script>x</script>',
];

describe('neutraliseMarkup', () => {
  test('no link, web address or mention survives, the words do', () => {
    const out = INJECTED.map(neutraliseMarkup).join('\n');
    expect(out).not.toMatch(
      /\]\(|<[@#!]|<at>|<https?:|https?:\/\/|www\.evil|\bevil\.example\b|javascript:|data:text|@(channel|here|everyone)\b/i,
    );
    expect(out).toContain('Wypełnij formularz dziś.');
    expect(out).toContain('Jan Kowalski kliknij x');
    expect(out).toContain('tutaj');
    expect(out).toContain('https[:]//evil[.]example/b');
  });

  test('ordinary letter text is left alone (dates, citations, parentheses, „Data:”)', () => {
    const text =
      'Data: 12.03.2020 r. Kwota 1.200 zł (zob. art. 5 ust. 2) [1][2]. Adres: ul. Wolności 1.';
    expect(neutraliseMarkup(text)).toBe(text);
    expect(neutraliseMarkup(neutraliseMarkup(INJECTED[3]!))).toBe(neutraliseMarkup(INJECTED[3]!));
  });

  test('defangUrl keeps the address readable', () => {
    expect(defangUrl('https://bip.chorzow.eu/a.pdf')).toBe('https[:]//bip[.]chorzow[.]eu/a.pdf');
  });
});

describe('createMarkupGuard', () => {
  test('a link or mention split across stream pieces never comes out whole', () => {
    const text =
      'Proszę wejść na [formularz logowania](https://evil.example/login) i napisać <!channel> teraz [1].';
    for (const size of [1, 2, 3, 5, 8, 13]) {
      const guard = createMarkupGuard();
      let out = '';
      for (let i = 0; i < text.length; i += size) out += guard.push(text.slice(i, i + size));
      out += guard.end();
      expect(out).toBe(neutraliseMarkup(text));
      expect(out).not.toMatch(/\]\(|https?:\/\/|<!channel>/);
    }
  });
});

describe('link policy', () => {
  test('only http(s) addresses without credentials or channel syntax are linkable', () => {
    expect(isSafeLinkUrl('https://bip.example.pl/a.pdf')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'https://u:p@x.pl/',
      'https://x.pl/a|b',
      'ftp://x.pl/',
      'https://x.pl/<b>',
    ]) {
      expect(isSafeLinkUrl(bad)).toBe(false);
    }
  });

  test('dropForeignLinks keeps the sources’ own address and removes every other one', () => {
    const text =
      'Pismo [BIP](https://bip.example.pl/a.pdf) oraz [logowanie](https://evil.example/login), https://evil.example/x i <https://evil.example/y|tu>.';
    const { text: out, removedLinks } = dropForeignLinks(text, ['https://bip.example.pl/a.pdf']);
    expect(out).toContain('[BIP](https://bip.example.pl/a.pdf)');
    expect(out).not.toContain('evil.example');
    expect(out).toContain('logowanie');
    expect(removedLinks).toBe(3);
  });
});
