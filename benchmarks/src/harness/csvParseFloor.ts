import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

/**
 * The floor of the CSV loading cases: csv-parse alone, array records (no options but the BOM), streamed from
 * the file, records counted.
 */
export async function csvParseOnly(path: string): Promise<number> {
  const parser = parse({ bom: true });
  let records = 0;
  const done = new Promise<void>((resolve, reject) => {
    parser.on('readable', () => {
      while (parser.read() !== null) records++;
    });
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  createReadStream(path, { highWaterMark: 1 << 18 }).pipe(parser);
  await done;
  return records;
}
