// The codicon for each field kind: one table so the explorer's tree items and the panel's
// rows show the same icon for the same field.
import type { FieldKind } from './fieldNode';

export const fieldKindIcons: Readonly<Record<FieldKind, string>> = {
  structure: 'symbol-structure',
  map: 'symbol-namespace',
  list: 'symbol-array',
  string: 'symbol-string',
  number: 'symbol-number',
  boolean: 'symbol-boolean',
  null: 'circle-slash',
  timestamp: 'calendar',
  duration: 'watch',
  enum: 'symbol-enum',
  arn: 'symbol-key',
  contactId: 'link',
};
