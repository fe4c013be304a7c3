import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('CRM_BUSINESS_HOURS', () => {
  it('is parsed to [start, end] once, in the config', () => {
    expect(loadConfig({}).CRM_BUSINESS_HOURS).toEqual([8, 20]);
    expect(loadConfig({ CRM_BUSINESS_HOURS: '9-17' }).CRM_BUSINESS_HOURS).toEqual([9, 17]);
  });

  it('refuses a window that ends before it starts or runs past midnight', () => {
    expect(() => loadConfig({ CRM_BUSINESS_HOURS: '18-8' })).toThrow(/CRM_BUSINESS_HOURS: START must be before END/);
    expect(() => loadConfig({ CRM_BUSINESS_HOURS: '8-8' })).toThrow(/START must be before END/);
    expect(() => loadConfig({ CRM_BUSINESS_HOURS: '8-25' })).toThrow(/START must be before END/);
    expect(() => loadConfig({ CRM_BUSINESS_HOURS: 'nine-five' })).toThrow(/format START-END/);
  });
});
