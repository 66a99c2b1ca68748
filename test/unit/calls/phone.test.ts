import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone } from '@shared/calls/phone';

describe('phone normalisation', () => {
  it.each([
    ['138 1234 5678', '+8613812345678', 'mobile'],
    ['138-1234-5678', '+8613812345678', 'mobile'],
    ['+86 138 1234 5678', '+8613812345678', 'mobile'],
    ['0086 13812345678', '+8613812345678', 'mobile'],
    ['１３８１２３４５６７８', '+8613812345678', 'mobile'],
    ['010-62345678', '+861062345678', 'landline'],
    ['(021) 6234 5678', '+862162345678', 'landline'],
    ['0755 8765 4321', '+8675587654321', 'landline'],
    ['+1 650 253 0000', '+16502530000', 'international'],
    ['00852 2123 4567', '+85221234567', 'international'],
  ])('%s → %s (%s)', (input, e164, kind) => {
    expect(normalizePhone(input)).toMatchObject({ ok: true, e164, kind });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc123456', 'letters'],
    ['1234', 'too-short'],
    ['62345678', 'needs-area-code'],
    ['138123456789999999', 'too-long'],
    ['12345678901', 'invalid'],
  ])('refuses %j as %s', (input, reason) => {
    expect(normalizePhone(input)).toEqual({ ok: false, reason });
  });

  it('formats stored numbers for reading: national at home, international abroad', () => {
    expect(formatPhone('+8613812345678')).toBe('138 1234 5678');
    expect(formatPhone('+16502530000')).toBe('+1 650 253 0000');
    expect(formatPhone('weird')).toBe('weird');
  });
});
