import { describe, expect, it } from 'vitest';
import { canonicalize } from '../adapters/canonicalize.js';
import { textCategory } from './text-category.js';
import { defaultTextLimits } from './text-similarity.js';

const answer = (text: string) => canonicalize({ status: 200, headers: { 'content-type': 'text/plain' }, body: text });
const kinds = (a: string, b: string): string[] =>
  textCategory(answer(a), answer(b), defaultTextLimits, false).report.differences.map((d) => d.kind);

describe('textCategory structural signals', () => {
  const prose =
    'Your parcel left the depot this morning and will be delivered on Friday. The courier will leave it with a neighbour if you are out. You can track it with the link in your email.';

  it('reads a list whose items carry no final punctuation as finished, and as English', () => {
    const list = [
      'Delivery details:\n- Left the depot: this morning\n- Delivery: Friday\n- If you are out: left with a neighbour\n- Tracking: link in your email',
      '1) Depot: left this morning\n2) Delivered: Friday\n3) Not home: a neighbour takes it\n4) Tracking link: see your email',
      '**Parcel**\n• Out for delivery Friday\n• Neighbour can accept it\n• Track via email link',
    ];
    for (const b of list) expect({ b, kinds: kinds(prose, b) }).toEqual({ b, kinds: expect.not.arrayContaining(['text_incomplete']) });
    for (const b of list) expect({ b, kinds: kinds(prose, b) }).toEqual({ b, kinds: expect.not.arrayContaining(['text_language']) });
  });

  it('reads a list whose other items end on a value (a number, a bracket) as written without final punctuation', () => {
    const list =
      'Kayak rental:\n- Price: $40 / 2 hours (life jacket included)\n- Minimum age: 14\n- Wind limit: 20 knots - no rentals above that';
    expect(kinds(prose, list)).not.toContain('text_incomplete');
    expect(kinds(prose, 'How to pay:\n- Cards only')).not.toContain('text_incomplete');
  });

  it('still sees an answer cut mid-sentence, in prose or in the middle of a list item', () => {
    expect(kinds(prose, 'Your parcel left the depot this morning and will be delivered on')).toContain('text_incomplete');
    expect(
      kinds('Steps:\n- Open the app.\n- Tap Orders.\n- Choose the parcel.', 'Steps:\n- Open the app.\n- Tap Orders.\n- Choose the'),
    ).toContain('text_incomplete');
  });

  it('reads an ending in emphasis, a full stop of another script or a closing guillemet as finished', () => {
    const finished = [
      'Your parcel left the depot this morning and arrives on Friday.\n\n_If you are out, a neighbour can take it._',
      'Your parcel left the depot this morning and arrives on Friday. ~~No signature needed.~~',
      '包裹今天早上已经离开仓库，将于周五送达。',
      'आपका पार्सल आज सुबह डिपो से निकल गया और शुक्रवार को पहुँचेगा।',
      'Votre colis est parti ce matin ; le livreur dit : « livraison vendredi »',
    ];
    for (const b of finished) expect({ b, kinds: kinds(prose, b) }).toEqual({ b, kinds: expect.not.arrayContaining(['text_incomplete']) });
    expect(kinds(prose, 'Your parcel left the depot this morning and arrives on Friday. If you are out, use the my_')).toContain(
      'text_incomplete',
    );
  });

  it('sees another Latin-script language, and not an English list', () => {
    expect(
      kinds(
        prose,
        'Su paquete salió del almacén esta mañana y se entregará el viernes. Si no está en casa, el mensajero lo dejará con un vecino.',
      ),
    ).toContain('text_language');
    expect(
      kinds(
        prose,
        'Ihr Paket hat das Lager heute Morgen verlassen und wird am Freitag zugestellt. Wenn Sie nicht da sind, geht es an einen Nachbarn.',
      ),
    ).toContain('text_language');
  });
});

describe('an answer in Japanese', () => {
  const prose =
    '粗大ごみの収集は事前予約制です。受付センターにお電話いただくか、インターネットでお申し込みください。収集日は毎週水曜日で、4日前までにお申し込みが必要です。手数料は1品300円から1,200円です。';

  it('reads a list of "・" items mostly in kanji as finished and as Japanese, and Chinese as another language', () => {
    const list =
      '粗大ごみの出し方：\n・予約制（受付センターまたはインターネット）\n・収集日：毎週水曜日（4日前までに申し込み）\n・手数料：1品300円～1,200円\n・コンビニで処理券を購入し、品物に貼って出す';
    expect(kinds(prose, list)).not.toContain('text_incomplete');
    expect(kinds(prose, list)).not.toContain('text_language');
    expect(
      kinds(prose, '大件垃圾需要提前预约。请致电受理中心或在网上申请。收集日为每周三，须在四天前申请。手续费为每件300日元至1,200日元。'),
    ).toContain('text_language');
    expect(kinds(prose, '・予約制です。\n・収集日は毎週水曜日で、4日前までにお申し込みが')).toContain('text_incomplete');
  });
});

describe('an answer that ends on a "Label: value" line', () => {
  const prose =
    'A standard setup is $75 and takes 3 working days. Fret levelling costs $120 extra if needed. We do not work on guitars with active pickups.';

  it('is finished where another line is written as a label too', () => {
    const labelled =
      '**Standard setup - $75**\n- New strings\n- Ready in 3 working days\n\n**Extras:** fret levelling $120 if needed\n**Not serviced:** guitars with active pickups';
    expect(kinds(prose, labelled)).not.toContain('text_incomplete');
  });

  it('is cut where it is the only such line and stops mid-sentence', () => {
    expect(kinds(prose, 'A standard setup is $75 and takes 3 working days.\nNote: we do not work on guitars with')).toContain(
      'text_incomplete',
    );
  });
});
