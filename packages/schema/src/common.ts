import { z } from 'zod';
import { calendarDateProblem } from './calendarDate.js';
import { hiddenCharacterProblem, showHiddenCharacters } from './hiddenCharacters.js';
import { nearestNames } from './nearestNames.js';
import { continentNamed, continentOf, countryHint, usersPlaceCode } from './places.js';
import { BLOCS, CONTINENTS, GLOBAL_PLACE } from './vocabulary.js';

/** A finite number in [min, max] with a message that names the field's unit and the allowed range. */
export function boundedNumber(label: string, min: number, max: number, unit = '') {
  const u = unit ? ` ${unit}` : '';
  return z
    .number({ error: (i) => (i.input === undefined ? `${label} is required` : `${label} must be a number`) })
    .min(min, { error: `${label} must be at least ${min}${u}` })
    .max(max, { error: `${label} must be at most ${max}${u}; check the unit` });
}

export function positiveInt(label: string, max: number) {
  return z
    .number({ error: `${label} must be a whole number` })
    .int({ error: `${label} must be a whole number` })
    .min(1, { error: `${label} must be at least 1` })
    .max(max, { error: `${label} must be at most ${max}` });
}

/**
 * An input as a message shows it: JSON where it has one (strings quoted), else what it is. JSON.stringify
 * throws on a BigInt or a cycle, and a message must never throw in place of the validation error it explains.
 */
export function shownInput(input: unknown): string {
  try {
    // JSON escapes C0 controls; a bidirectional control would still reorder the message around it.
    return showHiddenCharacters(JSON.stringify(input) ?? String(input));
  } catch {
    return typeof input === 'bigint' ? `${input}n` : `a ${typeof input} that is not JSON`;
  }
}

/** One of a closed list; a near miss (`DePIN`, `standard`) is named in the message. */
export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, {
    error: (i) => {
      const near = typeof i.input === 'string' ? nearestNames(i.input, values, 1) : [];
      const hint = near.length > 0 ? `; did you mean ${JSON.stringify(near[0])}?` : '';
      return `${label} must be one of ${values.join(', ')}; got ${shownInput(i.input)}${hint}`;
    },
  });
}

/**
 * ISO-3166 alpha-2 country or a bloc (EU, EEA, NA, LATAM, APAC, MEA), upper-cased: the places a residency rule
 * and an offer's country may name. A continent is refused here (it is no jurisdiction: "europe" could mean the
 * EU, the EEA, or Switzerland and the UK as well) and the message says which bloc to write instead.
 */
export const placeCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => continentOf(s) !== null || (BLOCS as readonly string[]).includes(s), {
    error: (i) => {
      const continent = typeof i.input === 'string' ? continentNamed(i.input) : null;
      const hint = continent
        ? `; a continent (${continent}) is not a jurisdiction: write the countries or a bloc (EU, EEA, …) the data may live in`
        : countryHint(i.input);
      return `${shownInput(i.input)} is not an ISO-3166 country code (US, DE, …) or a bloc (${BLOCS.join(', ')})${hint}`;
    },
  });

/**
 * Where a workload's users are: a country or a bloc (upper-cased, as `placeCode`), a continent (canonical name,
 * e.g. `north-america`) or `global`. Looser than `placeCode` because it locates demand, not data.
 */
export const usersPlace = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const code = usersPlaceCode(s);
    if (code !== null) return code;
    ctx.addIssue({
      code: 'custom',
      input: s,
      message: `${shownInput(s)} is not an ISO-3166 country code (US, DE, …), a bloc (${BLOCS.join(', ')}), a continent (${CONTINENTS.join(', ')}) or ${GLOBAL_PLACE}${countryHint(s)}`,
    });
    return z.NEVER;
  });

/** Refuses a text holding a hidden character (`hiddenCharacterProblem`): a control or a bidirectional control. */
export function visibleText(label: string) {
  return (s: string, ctx: z.RefinementCtx) => {
    const problem = hiddenCharacterProblem(s);
    if (problem !== null) ctx.addIssue({ code: 'custom', input: s, message: `${label} ${problem}` });
  };
}

export const nonEmptyText = (label: string, max = 200) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, { error: `${label} must not be empty` })
    .max(max, { error: `${label} must be at most ${max} characters` })
    .superRefine(visibleText(label));

/** A calendar month as `YYYY-MM`. */
export const monthString = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'a month must be written YYYY-MM, e.g. 2027-01' });

/** A real calendar date from 2000 to 2099 (`calendarDateProblem`), its format checked first. */
function plausibleDate(label: string, format: RegExp, formatError: string) {
  return z
    .string()
    .regex(format, { error: formatError })
    .superRefine((s, ctx) => {
      const problem = format.test(s) ? calendarDateProblem(s) : null;
      if (problem !== null) ctx.addIssue({ code: 'custom', input: s, message: `${label} ${s} ${problem}` });
    });
}

/** A date as `YYYY-MM-DD` or `YYYY-MM`. */
export const asOfString = plausibleDate(
  'asOf',
  /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/,
  'asOf must be YYYY-MM-DD or YYYY-MM',
);

/** The date offer ages are measured against, `YYYY-MM-DD`. */
export const analysisDateString = plausibleDate(
  'analysisDate',
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  'analysisDate must be written YYYY-MM-DD, e.g. 2026-12-01',
);
