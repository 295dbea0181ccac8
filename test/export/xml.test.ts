// XML escaping for GraphML and GEXF: specials become entities, characters XML 1.0 cannot carry are removed.
import { describe, expect, it } from 'vitest';
import { escapeXml, stripInvalidXmlChars } from '../../src/export/index.js';

describe('escapeXml', () => {
  it('escapes & < > " \' and turns tab, newline and carriage return into character references', () => {
    expect(escapeXml(`a & b <c> "d" 'e'\tf\ng\r`)).toBe('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;&#9;f&#10;g&#13;');
  });

  it('keeps non-Latin text and astral characters as they are', () => {
    expect(escapeXml('Кинджал 防衛装備移転三原則 😀')).toBe('Кинджал 防衛装備移転三原則 😀');
  });

  it('removes control characters XML 1.0 forbids, U+FFFE/U+FFFF and unpaired surrogates', () => {
    expect(escapeXml('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh\uFFFFi\uD800j\uDC00k')).toBe('abcdefghijk');
  });
});

describe('stripInvalidXmlChars', () => {
  it('keeps tab, newline, carriage return, DEL and C1 controls (allowed in XML 1.0) and paired surrogates', () => {
    const kept = 'a\tb\nc\rd\u007Fe\u0085f\uD83D\uDE00';
    expect(stripInvalidXmlChars(kept)).toBe(kept);
    expect(stripInvalidXmlChars('x\u0001y')).toBe('xy');
  });
});
