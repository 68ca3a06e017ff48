import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';

// A measure restated in the other system of units (miles and kilometres, pounds and kilograms,
// Fahrenheit and Celsius) is the same value, given to the converted figure's own precision; a
// figure that is not the conversion is still a change.
describe('a measure converted between imperial and metric units', () => {
  it('reads "5 miles" as "about 8 km" and "1,000 feet" as "roughly 300 m"', () => {
    expect(judged('The trail is 5 miles long and climbs 1,000 feet.', 'The trail is about 8 km long and climbs roughly 300 m.')).toEqual(
      [],
    );
    expect(judged('The loop is 10 km.', 'The loop is 6.2 miles.')).toEqual([]);
    expect(judged('The trail is 5 miles long.', 'The trail is 12 km long.')).not.toEqual([]);
  });

  it('reads "50 lb" as "23 kg" and "3.4 fl oz" as "100 ml", not "32 kg" or "200 ml"', () => {
    expect(judged('Each checked bag may weigh up to 50 lb.', 'Each checked bag may weigh up to 23 kg.')).toEqual([]);
    expect(judged('Each checked bag may weigh up to 50 lb.', 'Each checked bag may weigh up to 32 kg.')).not.toEqual([]);
    expect(judged('Carry-on liquids: 3.4 fl oz per bottle.', 'Carry-on liquids: 100 ml per bottle.')).toEqual([]);
    expect(judged('Carry-on liquids: 3.4 fl oz per bottle.', 'Carry-on liquids: 200 ml per bottle.')).not.toEqual([]);
  });

  it('reads a temperature in Fahrenheit and in Celsius as one value, however the degrees are written', () => {
    expect(judged('Keep the vaccine between 36 and 46 °F.', 'Keep the vaccine between 2 and 8 °C.')).toEqual([]);
    expect(judged('Store below 77°F.', 'Store below 25°C.')).toEqual([]);
    expect(judged('Bake at 350 degrees Fahrenheit for 20 minutes.', 'Bake at 180 °C for 20 minutes.')).toEqual([]);
    expect(judged('Keep the vaccine between 2 and 8 °C.', 'Keep the vaccine between 2 and 8 °F.')).not.toEqual([]);
    expect(judged('Store below 25°C.', 'Store below 30°C.')).toEqual(['fact_changed: 25°C → 30°C']);
  });

  it('reads the same figure in another unit as a change: "8 kg" is not "8 lb"', () => {
    expect(judged('It weighs 8 kg.', 'It weighs 8 lb.')).toEqual(['fact_changed: 8 kg → 8 lb']);
    expect(judged('The run is 5 km.', 'The run is 5 miles.')).toEqual(['fact_changed: 5 km → 5 miles']);
    expect(judged('Keep it at 8 °C.', 'Keep it at 8 °F.')).toEqual(['fact_changed: 8 °C → 8 °F']);
    // A count is still supported by the same number however it is worded.
    expect(judged('The suite sleeps 4 guests.', 'The suite sleeps four people.')).toEqual([]);
  });

  it('keeps a figure in one unit exact: "10 kg" is not "10.4 kg"', () => {
    expect(judged('The limit is 10 kg.', 'The limit is 10.4 kg.')).not.toEqual([]);
    expect(judged('The limit is 20 miles.', 'The limit is 21 miles.')).not.toEqual([]);
  });

  it('never lets two figures in one imperial unit meet on their rounded conversion', () => {
    // 120 and 125 miles are both about 200 km; 12,600 and 12,900 ft both about 4,000 m; 350 and 355 °F both about 180 °C.
    expect(judged('The shuttle route is 120 miles.', 'The shuttle route is 125 miles.')).toEqual(['fact_changed: 120 miles → 125 miles']);
    expect(judged('The summit is 12,600 feet high.', 'The summit is 12,900 feet high.')).toEqual([
      'fact_changed: 12,600 feet → 12,900 feet',
    ]);
    expect(judged('Roast at 350°F.', 'Roast at 355°F.')).toEqual(['fact_changed: 350°F → 355°F']);
    expect(judged('The shuttle route is 120 miles.', 'The shuttle route is about 200 km.')).toEqual([]);
  });
});
