import { describe, expect, it } from 'vitest';
import { collapseNearDuplicates, nameWords } from './collapse.js';

const SIGNATURE = `Best regards,
Jennifer Alvarez, CISR | Account Manager
Alvarez & Sons Insurance Agency | 1200 Main Street, Suite 300, Springfield, IL 62701
Office 555-0100 | Fax 555-0101 | www.alvarezinsurance.example
CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended recipient(s) and may contain confidential and privileged information. Any unauthorized review, use, disclosure or distribution is prohibited. If you are not the intended recipient, please contact the sender by reply e-mail and destroy all copies of the original message. Coverage cannot be bound, altered or cancelled by e-mail or voicemail until confirmed in writing by a licensed agent of this office.`;

// Search compares the first 800 characters of each text (src/crm/knowledge/snippets.ts).
const collapse = (texts: string[], limit = 10) => collapseNearDuplicates(texts, (t) => t.slice(0, 800), limit);

describe('collapseNearDuplicates', () => {
  it('collapses copies of a form letter that differ by the merge fields (names, a car, the line of business)', () => {
    const letter = (name: string, car: string, line: string) =>
      `Dear ${name}, your ${line} policy renews on the first of next month. The enclosed declarations list the ${car} and the drivers we have on file; please call our office if anything changed, such as a new driver, a new address or a vehicle you sold. Paying the full premium before the renewal date avoids installment fees, and our service team can answer billing questions by phone or e-mail.`;
    const r = collapse([
      letter('Ana Ruiz', 'Corolla', 'auto'),
      letter('Bob Stone', 'Tacoma', 'umbrella'),
      letter('Dee Park', 'Civic', 'auto'),
    ]);
    expect(r.kept).toHaveLength(1);
    expect(r.collapsed).toBe(2);
  });

  it('keeps different short e-mails that share a long signature and disclaimer', () => {
    const pairs = [
      ['Hi Tom, your new ID cards are attached.', 'Hi Tom, the roof claim was approved.'],
      ['Tom, payment received, thank you.', 'Tom, please sign the cancellation request.'],
    ];
    for (const [a, b] of pairs) {
      const r = collapse([`${a}\n\n${SIGNATURE}`, `${b}\n\n${SIGNATURE}`]);
      expect(r.kept).toHaveLength(2);
      expect(r.collapsed).toBe(0);
    }
  });

  it('never collapses short texts', () => {
    expect(collapse(['Left voicemail.', 'Left voicemail.']).kept).toHaveLength(2);
  });

  it('takes capitalised words inside a sentence as names, not the first word of a sentence or line', () => {
    expect([...nameWords('Please call Ana Ruiz about the Tacoma. Thanks.\nBest regards, Jen')].sort()).toEqual([
      'ana',
      'jen',
      'ruiz',
      'tacoma',
    ]);
  });
});
