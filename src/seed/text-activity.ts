/** Composes the prose of communications (calls, emails, texts, voicemails, meetings) from themes. */
import type { Rng } from './prng.js';
import { AGENCY, one, tail, type Ctx } from './text-kit.js';
import type { Theme } from './text-themes.js';

export type CommType = 'call' | 'voicemail' | 'sms' | 'email' | 'meeting' | 'letter' | 'chat';

export interface CommText {
  subject: string | null;
  body: string;
  outcome: string;
  durationSeconds: number | null;
}

export function noteText(theme: Theme, c: Ctx, r: Rng): string {
  return r.pick(theme.notes)(c, r) + tail(c, r);
}

/** Prose and outcome of one communication about a theme. */
export function commText(type: CommType, dir: 'inbound' | 'outbound', theme: Theme, c: Ctx, r: Rng): CommText {
  const gist = r.pick(theme.gist)(c, r);
  switch (type) {
    case 'call': {
      const outcome =
        dir === 'inbound'
          ? 'connected'
          : r.weighted([
              ['connected', 6],
              ['no_answer', 2],
              ['wrong_number', 0.2],
            ] as const);
      if (outcome !== 'connected')
        return {
          subject: null,
          body: `Called ${c.first} about ${gist}; ${outcome === 'no_answer' ? 'no answer, no voicemail box' : 'number reached someone else, need a new number'}.`,
          outcome,
          durationSeconds: r.int(10, 40),
        };
      const opener =
        dir === 'inbound'
          ? `${c.first} called in about ${gist}.`
          : one(r, `Called ${c.first} re ${gist}.`, `Spoke with ${c.first} about ${gist}.`, `Phone call with ${c.first} (${gist}).`);
      return { subject: null, body: `${opener} ${r.pick(theme.notes)(c, r)}`, outcome, durationSeconds: r.int(90, 1500) };
    }
    case 'voicemail':
      return dir === 'inbound'
        ? {
            subject: null,
            body: `Voicemail from ${c.first} ${c.last}: "Hi, this is ${c.first}, calling about ${gist}. ${one(r, 'Please call me back when you can.', 'I am free after 3.', 'You can text me too.')}"`,
            outcome: 'voicemail_received',
            durationSeconds: r.int(15, 75),
          }
        : {
            subject: null,
            body: `Left voicemail for ${c.first} about ${gist}; asked for a call back${one(r, '.', ' before the x-date.', ' or a text.')}`,
            outcome: 'left_voicemail',
            durationSeconds: r.int(20, 60),
          };
    case 'sms':
      return dir === 'inbound'
        ? {
            subject: null,
            body: one(
              r,
              `Hi it's ${c.first}. Any update on ${gist}?`,
              `Got your message about ${gist} - can you email me the details?`,
              `Yes, please go ahead. Thanks!`,
              `Can you send my ID cards?`,
              `Call me after 5 about ${gist}`,
            ),
            outcome: 'received',
            durationSeconds: null,
          }
        : {
            subject: null,
            body: one(
              r,
              `Hi ${c.first}, this is ${c.producer} at ${AGENCY}. Quick question about ${gist} - is now a good time to call?`,
              `Hi ${c.first}, following up on ${gist}. Reply STOP to opt out.`,
              `${c.first}, the documents for ${gist} are in your email. - ${c.producer}`,
            ),
            outcome: r.chance(0.95) ? 'delivered' : 'failed',
            durationSeconds: null,
          };
    case 'email': {
      const [subject, body] = r.pick(theme.emails);
      if (dir === 'inbound') {
        return {
          subject: `Re: ${subject(c, r)}`,
          body: `${one(r, 'Thanks', 'Thank you', 'Hi')} ${c.producer}, ${one(r, `quick question about ${gist}.`, `I looked at this. What do you need from me on ${gist}?`, `attached is what you asked for regarding ${gist}.`)}\n\n${c.first}`,
          outcome: 'received',
          durationSeconds: null,
        };
      }
      return {
        subject: subject(c, r),
        body: `${body(c, r)}\n\n${c.producer}\n${AGENCY}`,
        outcome: r.weighted([
          ['sent', 8],
          ['opened', 4],
          ['replied', 2],
          ['bounced', 0.3],
        ] as const),
        durationSeconds: null,
      };
    }
    case 'meeting':
      return {
        subject: `Meeting: ${gist}`,
        body: `${one(r, 'Met with', 'Zoom call with', 'Office visit from')} ${c.first}${c.spouse ? ` and ${c.spouse}` : ''} to review ${gist}. ${r.pick(theme.notes)(c, r)}`,
        outcome: r.chance(0.85) ? 'completed' : 'no_show',
        durationSeconds: r.int(15, 75) * 60,
      };
    case 'letter':
      return {
        subject: `Letter: ${gist}`,
        body: `Mailed a letter to ${c.client} about ${gist}. ${r.pick(theme.emails)[1](c, r)}`,
        outcome: 'mailed',
        durationSeconds: null,
      };
    case 'chat':
      return {
        subject: 'Website chat',
        body: `Web chat with ${c.first}: asked about ${gist}. ${one(r, 'Collected phone number and best time to call.', 'Sent a link to upload documents.', 'Booked a call with the producer.')}`,
        outcome: 'completed',
        durationSeconds: r.int(120, 900),
      };
  }
}
