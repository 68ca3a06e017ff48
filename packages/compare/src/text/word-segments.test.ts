import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factSheet } from '../facts/clauses/fact-sheet.js';
import { diffFacts } from '../facts/fact-diff.js';
import { normalizeText } from './normalize-text.js';
import { textSimilarity } from './text-similarity.js';
import { textTokens } from './text-tokens.js';
import { segmentWords, wordMark } from './word-segments.js';

// Answers as the engine reads them (canonicalize normalizes every text first: NFKC folds ，；（）).
const facts = (a: string, b: string, baselines: string[] = []) =>
  diffFacts(
    factSheet(normalizeText(a)),
    factSheet(normalizeText(b)),
    baselines.map((t) => factSheet(normalizeText(t))),
  ).map((d) => `${d.kind}${d.explainedByNoise ? ' (noise)' : ''}: ${d.message}`);
const shown = (text: string): string => segmentWords(normalizeText(text)).replaceAll(wordMark, '|');

describe('segmentWords', () => {
  it('parts the words of Han, Kana and Thai runs, figures glued to them and Hangul counters; spaced text stays as it is', () => {
    expect(shown('您的G1234次列车发车时间为3月8日14:00。开车前8天以上退票不收退票费；收取票价5%的退票费')).toBe(
      '您|的|G1234|次|列车|发|车|时间|为|3|月|8|日|14:00。 开车|前|8|天|以上|退票|不|收|退票|费; 收取|票|价|5%|的|退票|费',
    );
    expect(shown('ご予約は３月８日の14時です。')).toBe('ご|予約|は|3|月|8|日|の|14|時|です。');
    expect(shown('예약이 3월 12일 오전 8시 30분으로 확정되었습니다.')).toBe('예약이 3|월 12|일 오전 8|시 30|분으로 확정되었습니다.');
    // Brackets stay with the word they enclose (the tokenizer trims them).
    expect(shown('课程《Python数据分析》支持退款')).toBe('课程|《Python|数据|分析》|支持|退款');
    const english = 'Your refund of $35 takes 5-7 days.';
    expect(segmentWords(english)).toBe(english);
    expect(segmentWords('Ihr Hund ist von der Steuer befreit.')).toBe('Ihr Hund ist von der Steuer befreit.');
  });

  it('reads a changed figure, code or place inside a Chinese sentence as that value, not as the whole sentence', () => {
    const original = '您的G1234次列车（北京南—上海虹桥）发车时间为3月8日14:00。开车前24小时至48小时内收取10%；不足24小时收取20%。';
    expect(facts(original, original.replace('收取10%', '收取15%'))).toEqual(['fact_changed: 10% → 15%']);
    expect(facts(original, original.replace('G1234', 'G1243'))).toEqual(['fact_changed: G1234 → G1243']);
    expect(facts('订单号为 KC20260311087。', '订单号为 KC20260311078。')).toEqual(['fact_changed: KC20260311087 → KC20260311078']);
  });

  it('reads a changed hour inside Korean counters', () => {
    const original = '종합검진 예약이 3월 12일 오전 8시 30분으로 확정되었습니다.';
    expect(facts(original, original.replace('8시', '9시'))).not.toEqual([]);
  });

  it('finds the words a shorter Chinese paraphrase shares with the original, and its values the same', () => {
    const original = '您购买的《Python数据分析》课程支持7天无理由退款，前提是学习进度未超过20%。退款将在3至5个工作日内原路退回。';
    const shorter = '7天无理由退款（进度不超过20%），3–5个工作日原路退回。';
    expect(textTokens(original).length).toBeGreaterThan(20);
    expect(textSimilarity(normalizeText(original), normalizeText(shorter)).similarity).toBeGreaterThan(0.3);
    expect(facts(original, shorter).filter((d) => d.startsWith('fact_changed'))).toEqual([]);
  });

  // Not timed (a timed test would be noise on 2 shared cores): the bounds give a loaded run room.
  it('never throws on any Unicode (lone surrogates, RTL, combining marks, emoji)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), (a, b) => {
        const s = segmentWords(`${a}中文${b}`);
        return typeof s === 'string' && textTokens(s).every((w) => w !== '') && factSheet(`${b}日本語${a}`).clauses.length >= 0;
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it('keeps every character of a 1 MB mixed-script text and reads it in one pass', { timeout: 60_000 }, () => {
    const mixed = '退款将在3至5个工作日内原路退回。\uD800 שלום 👍🏽 é ไม่มีค่าบริการ 예약이 3월 ';
    const big = mixed.repeat(Math.ceil(1_000_000 / mixed.length));
    const words = segmentWords(big);
    // Every character is kept; only word marks and spaces are added.
    expect(words.replaceAll(wordMark, '').replaceAll(' ', '')).toBe(big.replaceAll(' ', ''));
    expect(textTokens(big).length).toBeGreaterThan(100_000);
  });
});
