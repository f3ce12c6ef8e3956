import { describe, expect, it } from 'vitest';
import { registrationSettingsFrom } from './create-registry-deps';

describe('REGISTRATION_BREAKING_POLICY', () => {
  it('[CONFIG][REGISTRATION]: refuse-used unless set; each policy by name; anything else refused by name', () => {
    expect(registrationSettingsFrom({})).toEqual({ breakingPolicy: 'refuse-used' });
    for (const policy of ['refuse-used', 'refuse-all', 'warn']) {
      const env = { REGISTRATION_BREAKING_POLICY: policy };
      expect(registrationSettingsFrom(env)).toEqual({ breakingPolicy: policy });
    }
    expect(() => registrationSettingsFrom({ REGISTRATION_BREAKING_POLICY: 'strict' })).toThrow(
      'REGISTRATION_BREAKING_POLICY must be one of refuse-used, refuse-all, warn, got "strict"',
    );
  });
});
