// The field-docs table on the host: dist/describeContactDocs.json, read on the first tooltip
// that needs it. Activation never reads it; a bundled table would run at load (rule: one bundle,
// every module's top level runs when it loads).
import { readFileSync } from 'node:fs';
import type { FieldDocsTable } from '../contact/fieldDocs';

export const fieldDocsFileName = 'describeContactDocs.json';

/**
 * The table in `file`, read once on the first call. A missing or unreadable file gives undefined:
 * tooltips then show what they showed before, without the field's description.
 */
export function fieldDocsLoader(file: string): () => FieldDocsTable | undefined {
  let table: FieldDocsTable | null | undefined;
  return () => {
    if (table === undefined) {
      try {
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<FieldDocsTable>;
        table = parsed && typeof parsed.members === 'object' && typeof parsed.items === 'object' ? (parsed as FieldDocsTable) : null;
      } catch {
        table = null;
      }
    }
    return table ?? undefined;
  };
}
