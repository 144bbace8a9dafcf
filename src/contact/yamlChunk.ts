// Built as its own chunk (dist/yaml.js): the YAML library loads only when a user asks for YAML.
import { Document, isScalar } from 'yaml';
import type { ContactDocument } from './contactDocument';
import type { PathSegment } from './fieldNode';
import { childSchema, rootSchema, type SchemaType } from './schema';

export { stringify as yamlStringify } from 'yaml';

/**
 * The document as `aws connect describe-contact --output yaml` prints it (the CLI dumps with
 * ruamel's safe dumper): block style, keys sorted, sequences not indented under their key,
 * single quotes only where a plain scalar would be read back as something else (ISO
 * timestamps, `yes`, `123`), floats with a fraction (`4.0`).
 */
export function toCliYaml(doc: ContactDocument): string {
  const yamlDoc = new Document(doc, { schema: 'yaml-1.1', sortMapEntries: true });
  for (const path of floatPaths(doc)) {
    const node = yamlDoc.getIn(path, true);
    if (isScalar(node)) node.minFractionDigits = 1;
  }
  return yamlDoc.toString({ indentSeq: false, singleQuote: true, lineWidth: 80 });
}

/** Paths of float-typed members (QualityScore, ProficiencyLevel, ...) that hold numbers. */
function floatPaths(doc: ContactDocument): PathSegment[][] {
  const out: PathSegment[][] = [];
  const stack: { value: unknown; schema: SchemaType | undefined; path: PathSegment[] }[] = [
    { value: doc, schema: rootSchema, path: [] },
  ];
  while (stack.length) {
    const { value, schema, path } = stack.pop()!;
    if (!schema) continue;
    if (schema.type === 'float' && typeof value === 'number') out.push(path);
    else if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, schema: childSchema(schema, i), path: [...path, i] }));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) stack.push({ value: v, schema: childSchema(schema, k), path: [...path, k] });
    }
  }
  return out;
}
