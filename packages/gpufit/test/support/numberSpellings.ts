/**
 * Number cells for the fast-decoder property tests: spellings the CSV codec accepts (`-0`, `1.`, `.5`, `1E-3`,
 * padded) or refuses (decimal comma, hex, `Infinity`, `NaN`, overflow, Arabic-Indic digits, words), and blank.
 */
export const NUMBER_SPELLINGS = [
  '-0',
  '+0',
  '1.',
  '.5',
  '1e3',
  '1E-3',
  '1,5',
  '0x10',
  '1_000',
  'Infinity',
  '-Infinity',
  'NaN',
  '1e400',
  ' 7 ',
  '\t8',
  '٣',
  'seven',
  '',
];
