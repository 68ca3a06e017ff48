import type { Random } from '@understudy/core';

/** One sentence slot: paraphrases that mean the same; one is picked per reply. */
type Slot = readonly string[];

/**
 * A reply template: an opening, a body whose sentences may come in any order, and a closing.
 * Picking paraphrases and shuffling the body is the agent's "temperature": two replies to the
 * same question differ in wording but not in meaning, which is exactly the noise a shadow
 * comparison must learn to ignore.
 */
interface Template {
  readonly open: Slot;
  readonly body: readonly Slot[];
  readonly close: Slot;
}

export type Topic = 'shipping' | 'returns' | 'payment' | 'greeting' | 'ask_order_id' | 'fallback';

/** The prompt's wording: v2 rewrote every sentence, keeping the facts. */
export type Wording = 'v1' | 'v2';

const v1Templates: Record<Topic, Template> = {
  shipping: {
    open: ['Thanks for asking about delivery!', 'Happy to help with shipping.', 'Good question about delivery times.'],
    body: [
      ['Standard shipping takes 3 to 5 business days.', 'Standard delivery arrives within 3–5 business days.'],
      ['Express shipping arrives in 1 to 2 business days.', 'If you choose express, it takes 1–2 business days.'],
      ['Orders over $50 ship for free.', 'Shipping is free on orders above $50.'],
    ],
    close: ['Anything else I can do for you?', 'Let me know if there is anything else.', 'Is there anything else you need?'],
  },
  returns: {
    open: ['Sure, here is how returns work.', 'Of course — our return policy is simple.', 'Happy to explain returns.'],
    body: [
      ['You can return any item within 30 days of delivery.', 'Items can be returned up to 30 days after they arrive.'],
      ['Refunds go back to the original payment method.', 'We refund to the card or account you paid with.'],
      ['Return labels are free for damaged items.', 'If an item arrived damaged, the return label is on us.'],
    ],
    close: ['Would you like me to start a return?', 'Shall I open a return for you?', 'Want me to begin a return?'],
  },
  payment: {
    open: ['Here is what we accept.', 'Sure, about payment options:', 'Good question about paying.'],
    body: [
      ['We take Visa, Mastercard and American Express.', 'Visa, Mastercard and Amex are all accepted.'],
      ['PayPal works at checkout too.', 'You can also pay with PayPal.'],
    ],
    close: ['Anything else?', 'Can I help with anything else?', 'Let me know if you have more questions.'],
  },
  greeting: {
    open: ['Hi there!', 'Hello!', 'Hi, thanks for reaching out!'],
    body: [
      [
        'I can help with orders, refunds, shipping and returns.',
        'I can look up orders, issue refunds, and answer shipping or return questions.',
      ],
    ],
    close: ['What can I do for you today?', 'How can I help?', 'What do you need help with?'],
  },
  ask_order_id: {
    open: ['I can help with that.', 'Happy to look into it.', 'Sure, let me check.'],
    body: [['Could you share your order number?', 'What is the order number?', 'Please tell me the order number.']],
    close: ['It looks like #12345.', 'You will find it in your confirmation email, e.g. #12345.'],
  },
  fallback: {
    open: ['Thanks for your message.', 'Thanks for getting in touch.', 'I appreciate you reaching out.'],
    body: [
      [
        'I am the shop assistant and can help with orders, refunds, shipping and returns.',
        'I can help with orders, refunds, shipping and returns.',
      ],
    ],
    close: ['Could you tell me a bit more?', 'What would you like to do?', 'How can I help with that?'],
  },
};

const v2Templates: Record<Topic, Template> = {
  shipping: {
    open: ['Delivery times, coming right up.', 'Let me walk you through delivery.', 'Here is how delivery works.'],
    body: [
      ['With standard shipping your parcel takes 3 to 5 business days.', 'A standard parcel is with you in 3–5 business days.'],
      ['Choose express and it is there in 1 to 2 business days.', 'Express gets it to you in 1–2 business days.'],
      ['Spend over $50 and shipping costs nothing.', 'Any order above $50 ships free of charge.'],
    ],
    close: ['What else can I help with?', 'Anything more on your mind?', 'Need anything else?'],
  },
  returns: {
    open: ['Returning something is easy.', 'Here is our returns process.', 'Let me explain how to send something back.'],
    body: [
      ['Send any item back within 30 days of it arriving.', 'You have 30 days from delivery to return an item.'],
      ['The money goes back to the way you paid.', 'Your refund lands on the card or account you used.'],
      ['For damaged goods we cover the return label.', 'Damaged on arrival? The return label is free.'],
    ],
    close: ['Should I start the return now?', 'Want me to set up the return?', 'Shall I get a return going?'],
  },
  payment: {
    open: ['These are the ways to pay.', 'Payment options, in short:', 'Here is how you can pay.'],
    body: [
      ['Visa, Mastercard and American Express all work.', 'We accept Amex, Visa and Mastercard.'],
      ['At checkout you can also choose PayPal.', 'PayPal is available at checkout as well.'],
    ],
    close: ['Anything else I can answer?', 'Other questions?', 'Is that everything?'],
  },
  greeting: {
    open: ['Hey, welcome!', 'Good to see you!', 'Welcome to the shop!'],
    body: [['Orders, refunds, shipping, returns: I can help with all of it.', 'Ask me about orders, refunds, shipping or returns.']],
    close: ['What brings you here today?', 'Where shall we start?', 'What is on your mind?'],
  },
  ask_order_id: {
    open: ['Glad to help.', 'Let me find that for you.', 'I will look it up.'],
    body: [['Which order number is it?', 'Can you give me the order number?', 'I need the order number first.']],
    close: ['It looks like #12345.', 'It is in your confirmation email, e.g. #12345.'],
  },
  fallback: {
    open: ['Thanks for writing in.', 'Thanks for the message.', 'Good to hear from you.'],
    body: [
      ['I am the shop assistant: orders, refunds, shipping and returns are my thing.', 'I handle orders, refunds, shipping and returns.'],
    ],
    close: ['Can you tell me more?', 'What would you like me to do?', 'How can I help here?'],
  },
};

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random.next() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** A reply on `topic` with seeded wording and sentence order, in the prompt version's words. */
export function phrase(topic: Topic, random: Random, wording: Wording = 'v1'): string {
  const t = (wording === 'v2' ? v2Templates : v1Templates)[topic];
  const body = shuffled(random, t.body).map((slot) => pick(random, slot));
  return [pick(random, t.open), ...body, pick(random, t.close)].join(' ');
}

/** Which canned topic a free-text question is about. */
export function topicOf(text: string): Topic {
  if (/\b(ship|shipping|deliver|delivery|arrive)/i.test(text)) return 'shipping';
  if (/\b(return|exchange|send (it )?back)/i.test(text)) return 'returns';
  if (/\b(pay|payment|card|paypal)/i.test(text)) return 'payment';
  if (/^\s*(hi|hello|hey)\b/i.test(text)) return 'greeting';
  return 'fallback';
}
