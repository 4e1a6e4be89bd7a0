/**
 * A small document model shared by the Markdown and HTML renderers: the report's content is built once
 * (`buildReportDocument`) and each format only decides how to write it and how to escape text.
 * Every `text` is raw (unescaped); escaping is the writer's job.
 */
export interface Span {
  readonly text: string;
  readonly style?: 'strong' | 'code' | 'em';
}

export type Inline = readonly Span[];

export interface TableColumn {
  readonly header: string;
  readonly align: 'left' | 'right';
}

export type Block =
  | {
      readonly kind: 'heading';
      readonly level: 1 | 2 | 3 | 4;
      readonly text: string;
      readonly anchor?: string;
    }
  | { readonly kind: 'paragraph'; readonly content: Inline; readonly role?: 'headline' | 'meta' }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly Inline[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly TableColumn[];
      readonly rows: readonly (readonly Inline[])[];
      /** A totals row, shown in bold. */
      readonly total?: readonly Inline[];
    }
  | { readonly kind: 'chart'; readonly chartId: string; readonly title: string; readonly caption: string }
  | { readonly kind: 'section'; readonly className: string; readonly blocks: readonly Block[] };

export const t = (text: string): Span => ({ text });
export const strong = (text: string): Span => ({ text, style: 'strong' });
export const code = (text: string): Span => ({ text, style: 'code' });
export const em = (text: string): Span => ({ text, style: 'em' });
/** One plain-text cell or paragraph. */
export const plain = (text: string): Inline => [t(text)];
