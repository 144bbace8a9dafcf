// The contact document: DescribeContact's output as plain JSON, as the AWS CLI v2
// prints it (`{"Contact": {...}}`, timestamps as ISO 8601 strings). Everything
// downstream (field tree, panel, explorer, copy) reads this, never SDK objects.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ContactDocument {
  Contact: JsonObject;
}
