import { showHiddenCharacters } from '@gpufit/schema';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML element content and for quoted attribute values (OWASP rule #1 and #2). */
export function escapeHtml(text: string): string {
  return showHiddenCharacters(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
