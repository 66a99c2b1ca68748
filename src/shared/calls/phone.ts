import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneKind = 'mobile' | 'landline' | 'international' | 'other';

export type PhoneResult =
  { ok: true; e164: string; display: string; kind: PhoneKind } | { ok: false; reason: PhoneError };

/** Why a number was refused; each has a message in both languages (calls.phoneErrors.*). */
export type PhoneError = 'empty' | 'letters' | 'too-short' | 'too-long' | 'needs-area-code' | 'invalid';

/**
 * Normalises what an agent types while on the phone: spaces, dashes, brackets, full-width digits, a leading 0086 or
 * 86, a trunk 0 — into E.164 (`+8613812345678`). CN is the default region; anything starting with + or 00 is
 * international. Full metadata (`/max`) so that a number of the right length but an unused range is refused.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'CN'): PhoneResult {
  const halfWidth = input
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/＋/g, '+');
  const trimmed = halfWidth.trim();
  if (!trimmed) return { ok: false, reason: 'empty' };
  if (/[a-z]/i.test(trimmed.replace(/\s*(ext\.?|x|转)\s*\d+$/i, ''))) return { ok: false, reason: 'letters' };
  let compact = trimmed.replace(/[\s\-().·/]/g, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  const digits = compact.replace(/\D/g, '');
  if (digits.length < 5) return { ok: false, reason: 'too-short' };
  if (digits.length > 17) return { ok: false, reason: 'too-long' };

  const parsed = parsePhoneNumberFromString(compact, defaultCountry);
  if (!parsed || !parsed.isValid()) {
    // A CN landline typed without its area code is the most common slip: say so specifically.
    if (!compact.startsWith('+') && defaultCountry === 'CN' && /^[2-8]\d{6,7}$/.test(digits)) {
      return { ok: false, reason: 'needs-area-code' };
    }
    return { ok: false, reason: 'invalid' };
  }
  const type = parsed.getType();
  const kind: PhoneKind =
    parsed.country !== defaultCountry
      ? 'international'
      : type === 'MOBILE'
        ? 'mobile'
        : type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE'
          ? 'landline'
          : 'other';
  return {
    ok: true,
    e164: parsed.number,
    display: kind === 'international' ? parsed.formatInternational() : parsed.formatNational(),
    kind,
  };
}

/** Formats a stored number for the list; falls back to the stored text. */
export function formatPhone(stored: string, defaultCountry: CountryCode = 'CN'): string {
  const parsed = parsePhoneNumberFromString(stored, defaultCountry);
  if (!parsed) return stored;
  return parsed.country === defaultCountry ? parsed.formatNational() : parsed.formatInternational();
}
