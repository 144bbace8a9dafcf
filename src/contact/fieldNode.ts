// One node of the field tree that the panel, the explorer and the copy actions share.

/** A step in a path from the document root: an object key or a list index. */
export type PathSegment = string | number;

export type FieldKind =
  | 'structure' // a DescribeContact structure (fixed keys)
  | 'map' // a user-keyed map (Attributes, Tags, SegmentAttributes, ...)
  | 'list'
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  | 'timestamp' // ISO 8601 string in the document
  | 'duration' // a count of seconds
  | 'enum'
  | 'arn'
  | 'contactId'; // an ID that names another contact: rendered as a link

export interface FieldNode {
  /** From the document root, e.g. ['Contact', 'Recordings', 0, 'Location']. */
  path: PathSegment[];
  /** The key or `[index]` shown in the tree. */
  key: string;
  kind: FieldKind;
  /** The raw JSON value (for containers, the whole subtree). */
  value: unknown;
  /** What the tree shows for a leaf; for containers the item count, e.g. `3 items`. */
  display: string;
  /** Present for containers (structure, map, list). */
  children?: FieldNode[];
}
