import { describe, expect, test } from 'vitest';
import { precisionText } from '../src/present/precisionText.js';

describe('precisionText: a benchmark precision cell as a reader reads it', () => {
  test('MLPerf SDXL’s per-component dict becomes "component format" pairs, in its order', () => {
    expect(precisionText("{'clip1': 'fp16', 'clip2': 'fp16', 'unet': 'fp8', 'vae': 'int8'}")).toBe(
      'clip1 fp16, clip2 fp16, unet fp8, vae int8',
    );
    expect(precisionText('{"unet": "fp8"}')).toBe('unet fp8');
  });

  test('a row whose result files do not record it says so, plainly', () => {
    expect(precisionText('not recorded in files parsed')).toBe('precision not recorded');
    expect(precisionText('  ')).toBe('precision not recorded');
  });

  test('a plain format is kept as it is', () => {
    expect(precisionText('fp8')).toBe('fp8');
    expect(precisionText('{}')).toBe('{}');
  });
});
