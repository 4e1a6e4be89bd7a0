/**
 * Parses the Python literal SkyPilot writes into its `GpuInfo` column (`str(dict)`: single-quoted strings,
 * `True`/`False`/`None`), e.g. `{'Gpus': [{'Name': 'T4', 'MemoryInfo': {'SizeInMiB': 16384}}]}`. Only dicts,
 * lists, tuples, strings, numbers and those three names: anything else is an error, never evaluated.
 */
export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

export function parsePythonLiteral(text: string): PyValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(
      `${what} at character ${i + 1} of ${JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)}`,
    );
  };
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const value = (): PyValue => {
    skip();
    const c = text[i];
    if (c === '{') return dict();
    if (c === '[' || c === '(') return list(c === '[' ? ']' : ')');
    if (c === "'" || c === '"') return str(c);
    const word = /^(True|False|None)\b/.exec(text.slice(i));
    if (word) {
      i += word[0].length;
      return word[0] === 'True' ? true : word[0] === 'False' ? false : null;
    }
    const num = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    return fail(c === undefined ? 'unexpected end' : `unexpected ${JSON.stringify(c)}`);
  };
  const str = (quote: string): string => {
    i++;
    let out = '';
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\\' && i + 1 < text.length) {
        const n = text[i + 1]!;
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
        i += 2;
      } else {
        out += text[i++];
      }
    }
    if (text[i] !== quote) fail('unterminated string');
    i++;
    return out;
  };
  const list = (close: string): PyValue[] => {
    i++;
    const out: PyValue[] = [];
    skip();
    while (text[i] !== close) {
      out.push(value());
      skip();
      if (text[i] === ',') {
        i++;
        skip();
      } else if (text[i] !== close) fail(`expected "," or "${close}"`);
    }
    i++;
    return out;
  };
  const dict = (): { [key: string]: PyValue } => {
    i++;
    const out: { [key: string]: PyValue } = {};
    skip();
    while (text[i] !== '}') {
      const key = value();
      if (typeof key !== 'string' && typeof key !== 'number') fail('a dict key must be a string or number');
      skip();
      if (text[i] !== ':') fail('expected ":"');
      i++;
      Object.defineProperty(out, String(key), {
        value: value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skip();
      if (text[i] === ',') {
        i++;
        skip();
      } else if (text[i] !== '}') fail('expected "," or "}"');
    }
    i++;
    return out;
  };
  const result = value();
  skip();
  if (i !== text.length) fail('unexpected text after the value');
  return result;
}
