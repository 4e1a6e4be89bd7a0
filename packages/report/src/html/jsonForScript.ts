/**
 * JSON to place inside a `<script type="application/json">` element. `<`, `>` and `&` become `\u003c`,
 * `\u003e` and `\u0026`, so data holding `</script>` or `<!--` cannot end or alter the element; U+2028 and
 * U+2029 are escaped as well (they are line terminators to older JavaScript parsers). JSON.parse reads the
 * escapes back to the same strings.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
