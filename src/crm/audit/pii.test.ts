import { describe, expect, it } from 'vitest';
import { maskPii, maskTail } from './pii.js';

describe('maskPii', () => {
  it('masks licence numbers, dates of birth and VINs at any depth and leaves other fields', () => {
    const input = {
      firstName: 'Ana',
      autoData: {
        drivers: [{ firstName: 'Ana', licenseNumber: 'D12345678', dateOfBirth: '1984-06-02' }],
        vehicles: [{ year: 2021, vin: '1HGCM82633A004352' }],
      },
    };
    const out = maskPii(input);
    expect(out.autoData.drivers[0]).toEqual({ firstName: 'Ana', licenseNumber: '*****5678', dateOfBirth: '1984-**-**' });
    expect(out.autoData.vehicles[0]!.vin).toBe('*************4352');
    expect(out.firstName).toBe('Ana');
    // the input is not changed
    expect(input.autoData.drivers[0]!.licenseNumber).toBe('D12345678');
  });
  it('fully masks short values', () => {
    expect(maskTail('1234')).toBe('****');
  });
});
