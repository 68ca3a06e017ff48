import type { ClauseToken } from '../clauses/split-clauses.js';
import { convertedKey } from './converted-key.js';
import type { FactValue } from './fact-value.js';
import { measureUnits } from './unit-words.js';

// The keys of a measure: as written, in its dimension's metric base unit, and for an imperial or
// US customary measure its metric conversion too, so that "5 miles" and "about 8 km", "50 lb" and
// "23 kg", "350 °F" and "180 °C" are one value. A conversion is given to the converted figure's own
// precision (8.05 km is said "8 km"). Only the imperial side keys its conversion, in the metric
// figures' own (exact) keys, marked as conversions (converted-key.ts): two metric figures never meet on
// a rounded key ("150 cm" is not "148 cm"), nor two imperial ones ("120 miles" is not "125 miles"),
// and a figure in the same unit stays exact ("10 kg" is not "10.4 kg").

// Metric units of one dimension, in its base unit ("2 kg" is "2,000 g", "1.5 km" "1,500 m", "0.5 l" "500 ml").
const metric: Readonly<Record<string, readonly [string, number]>> = {
  mg: ['g', 0.001],
  g: ['g', 1],
  kg: ['g', 1000],
  mm: ['m', 0.001],
  cm: ['m', 0.01],
  m: ['m', 1],
  km: ['m', 1000],
  ml: ['l', 0.001],
  l: ['l', 1],
  kph: ['kph', 1],
};
// Imperial and US customary units, in the metric base unit of their dimension.
const imperial: Readonly<Record<string, readonly [string, number]>> = {
  in: ['m', 0.0254],
  ft: ['m', 0.3048],
  yd: ['m', 0.9144],
  mi: ['m', 1609.344],
  oz: ['g', 28.349523125],
  lb: ['g', 453.59237],
  floz: ['l', 0.0295735295625],
  pint: ['l', 0.473176473],
  qt: ['l', 0.946352946],
  gal: ['l', 3.785411784],
  mph: ['kph', 1.609344],
};
const exact = (x: number): number => Math.round(x * 1e6) / 1e6;

/** A converted figure as it would be written: to three and two significant digits, and to one where that is within 5 %. */
function roundings(x: number): number[] {
  const out = [Number(x.toPrecision(3)), Number(x.toPrecision(2))];
  const one = Number(x.toPrecision(1));
  if (Math.abs(one - x) <= 0.05 * Math.abs(x)) out.push(one);
  return out;
}

/** The keys of `n` of the measure unit `measure` (a symbol of `measureUnits`). */
export function measureKeys(measure: string, n: number): string[] {
  const keys = new Set([`quantity:${measure}:${n}`]);
  const m = metric[measure];
  if (m !== undefined) {
    keys.add(`quantity:${m[0]}:${exact(n * m[1])}`);
  }
  const i = imperial[measure];
  if (i !== undefined) for (const r of roundings(n * i[1])) keys.add(convertedKey(`quantity:${i[0]}:${r}`));
  return [...keys];
}

/** The keys of a temperature: in the scale it is given in, and for Fahrenheit in Celsius too. */
export function temperatureKeys(scale: 'c' | 'f', n: number): string[] {
  const own = `quantity:°${scale}:${n}`;
  if (scale === 'c') return [own];
  const c = (n - 32) / 1.8;
  // Temperatures are rounded to a degree, and in ovens to five or ten ("350 °F" is "180 °C").
  const near = (step: number): number => Math.round(c / step) * step;
  const keys = new Set([own]);
  for (const r of [Math.round(c * 10) / 10, near(1), ...(Math.abs(c) >= 50 ? [near(5)] : []), ...(Math.abs(c) >= 100 ? [near(10)] : [])])
    keys.add(convertedKey(`quantity:°c:${r}`));
  return [...keys];
}

const degreeSigns = /^(?:°|º)$/;
const scaleOf = (w: string | undefined): 'c' | 'f' | undefined => {
  const x = (w ?? '').toLowerCase();
  if (x === 'c' || x === 'celsius' || x === 'centigrade') return 'c';
  if (x === 'f' || x === 'fahrenheit') return 'f';
  return undefined;
};

/**
 * The temperature scale named by the words after a number, and how many of them name it: "°F",
 * "° C", "℃", "degrees Fahrenheit", "deg C". Undefined where they name none ("degrees" alone is an
 * angle or a temperature in no stated scale).
 */
export function temperatureScaleAt(next: readonly ClauseToken[]): { scale: 'c' | 'f'; used: number } | undefined {
  const w0 = next[0]?.core ?? '';
  if (w0 === '℃') return { scale: 'c', used: 1 };
  if (w0 === '℉') return { scale: 'f', used: 1 };
  const glued = /^[°º]([CF])$/i.exec(w0);
  if (glued !== null) return { scale: scaleOf(glued[1]) as 'c' | 'f', used: 1 };
  const lower = w0.toLowerCase();
  if (degreeSigns.test(w0) || lower === 'degrees' || lower === 'degree' || lower === 'deg') {
    const scale = scaleOf(next[1]?.core);
    if (scale !== undefined) return { scale, used: 2 };
  }
  return undefined;
}

/** A temperature written as one token ("2°C", "-4°F", "30℃"; "36°" before "F"), with the tokens it takes. */
export function gluedTemperature(c: string, rest: readonly ClauseToken[]): { n: number; scale: 'c' | 'f'; used: number } | undefined {
  const m = /^([+\-−]?\d+(?:\.\d+)?)(?:[°º]([CF])?|(℃)|(℉))$/iu.exec(c);
  if (m === null) return undefined;
  const n = Number((m[1] ?? '').replace('−', '-'));
  if (m[3] !== undefined) return { n, scale: 'c', used: 1 };
  if (m[4] !== undefined) return { n, scale: 'f', used: 1 };
  if (m[2] !== undefined) return { n, scale: scaleOf(m[2]) as 'c' | 'f', used: 1 };
  const scale = scaleOf(rest[0]?.core);
  return scale === undefined ? undefined : { n, scale, used: 2 };
}

const quantityKey = 'quantity:';
const measureSymbols = new Set([...Object.values(measureUnits), 'floz', '°c', '°f']);

/**
 * Whether `v` is a measure in a unit of measure ("8 kg", "5 miles", "8 °C"): the same figure in
 * another unit ("8 lb") is another value, where a counted noun ("3 nights") is supported by any "3".
 */
export function isMeasure(v: FactValue): boolean {
  const k = v.keys[0] ?? '';
  if (v.type !== 'quantity' || !k.startsWith(quantityKey)) return false;
  return measureSymbols.has(k.slice(quantityKey.length, k.lastIndexOf(':')));
}
