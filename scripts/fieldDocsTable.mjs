// The field-docs table gen-schema.mjs writes beside the schema (src/contact/describeContactDocs.json):
// for every member of a structure reachable from DescribeContactResponse, its documentation as
// short plain text, its constraints and its enum values; for every list and map shape, the same
// for one element. src/contact/fieldDocs.ts reads it by field path.

/** Documentation longer than this is cut at a sentence end: tooltips, not reference pages. */
const maxText = 400;
/** Longer patterns say nothing a person can read at a glance. */
const maxPattern = 60;

const entities = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text) {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * Botocore's HTML as plain text: the first paragraph (with the list it introduces, as bullet
 * lines), tags dropped, whitespace collapsed, cut at a sentence end near `maxText` characters.
 */
export function plainText(html) {
  const blocks = (html ?? '')
    // A list item's own paragraph is no paragraph break.
    .replace(/<li[^>]*>\s*<p>/gi, '<li>')
    .replace(/<li[^>]*>/gi, '\u0000• ')
    .replace(/<\/?(p|ul|ol|li|note|important|br)\b[^>]*>/gi, '\u0000')
    .replace(/<[^>]*>/g, '')
    .split('\u0000')
    .map((b) => decodeEntities(b).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (blocks.length === 0) return '';
  const lines = [blocks[0]];
  // "The participant types are as follows:" says little without its list.
  if (blocks[0].endsWith(':')) for (const b of blocks.slice(1)) if (b.startsWith('• ')) lines.push(b); else break;
  return shorten(lines.join('\n'));
}

function shorten(text) {
  if (text.length <= maxText) return text;
  const head = text.slice(0, maxText);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'));
  if (sentenceEnd > maxText / 3) return head.slice(0, sentenceEnd + 1);
  return `${head.slice(0, head.lastIndexOf(' '))}…`;
}

const constraintKinds = { string: 'length', integer: 'value', long: 'value', float: 'value', double: 'value', list: 'items', map: 'entries' };

function constraintsOf(shape) {
  const of = constraintKinds[shape.type];
  if (!of) return undefined;
  const c = { of };
  if (shape.min !== undefined && !(of !== 'value' && shape.min === 0)) c.min = shape.min;
  // A Long's 2^63-1 is no bound a person needs (and no exact JavaScript number).
  if (shape.max !== undefined && Number.isSafeInteger(shape.max)) c.max = shape.max;
  if (shape.pattern !== undefined && shape.pattern.length <= maxPattern) c.pattern = shape.pattern;
  return Object.keys(c).length > 1 ? c : undefined;
}

function entry(shapes, documentation, shapeName) {
  const shape = shapes[shapeName];
  const doc = { text: plainText(documentation ?? shape.documentation) };
  const constraints = constraintsOf(shape);
  if (constraints) doc.constraints = constraints;
  if (shape.enum) doc.enumValues = [...shape.enum];
  return doc;
}

/** `{ source, members: { Structure: { Member: doc } }, items: { ListOrMap: doc } }` from a botocore model. */
export function fieldDocsTable(model, source) {
  const { shapes } = model;
  const members = {};
  const items = {};
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const shape = shapes[name];
    if (shape.type === 'structure') {
      members[name] = {};
      for (const [member, def] of Object.entries(shape.members)) {
        // The member's own documentation says what the field means here; the shape's is generic.
        members[name][member] = entry(shapes, def.documentation, def.shape);
        visit(def.shape);
      }
    } else if (shape.type === 'list' || shape.type === 'map') {
      const element = shape.type === 'list' ? shape.member : shape.value;
      items[name] = entry(shapes, element.documentation, element.shape);
      visit(element.shape);
    }
  };
  visit('DescribeContactResponse');
  return { source, members, items };
}
