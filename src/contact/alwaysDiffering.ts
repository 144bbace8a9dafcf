// Compare Contacts' reduced form: the values that differ between any two contacts (the contact's
// own IDs and ARNs, every timestamp, per-contact session, participant and recording names) are
// replaced by a placeholder, so the diff shows what matters: structure and the values that vary
// for a reason. Placeholders rather than dropped keys: a field one contact has and the other lacks
// (no DisconnectTimestamp yet) is still a difference worth seeing. The schema decides, never a key's
// name, so an attribute or tag called `Id` or `InitiationTimestamp` is data and stays. IDs that
// name shared resources (QueueInfo.Id, AgentInfo.Id, hierarchy group ARNs, form IDs) stay too: the
// same queue or agent is exactly what a comparison asks about. Pure.
import { childSchema, rootSchema, structureMembers, type SchemaType } from './schema';
import { setOwn, type ContactDocument, type JsonObject, type JsonValue } from './contactDocument';

export const alwaysDifferingPlaceholder = '(left out: always differs)';

/**
 * Per structure, the string members that identify one contact (or its session, participant,
 * recording or evaluation). Every `timestamp` and every ID naming a contact (`contactId`) goes too.
 */
export const perContactMembers: Readonly<Record<string, readonly string[]>> = {
  Contact: ['Arn', 'Id', 'ContactAssociationId'],
  WisdomInfo: ['SessionArn'],
  ParticipantMetrics: ['ParticipantId'],
  RecordingInfo: ['Location', 'FragmentStartNumber', 'FragmentStopNumber', 'UnprocessedTranscriptLocation'],
  ContactEvaluation: ['EvaluationArn', 'ExportLocation'],
};

export interface ReducedContact {
  doc: ContactDocument;
  /** How many values were replaced by the placeholder. */
  leftOut: number;
}

/** The contact with its always-differing values replaced; the input is not changed. */
export function leaveOutAlwaysDiffering(doc: ContactDocument): ReducedContact {
  const counter = { leftOut: 0 };
  const contact = reduce(doc.Contact, childSchema(rootSchema, 'Contact'), counter);
  return { doc: { Contact: isObject(contact) ? contact : {} }, leftOut: counter.leftOut };
}

function leavesOut(parent: SchemaType | undefined, key: string, schema: SchemaType | undefined): boolean {
  if (schema?.type === 'timestamp' || schema?.type === 'contactId') return true;
  return parent?.type === 'structure' && (perContactMembers[parent.name]?.includes(key) ?? false);
}

function reduce(value: JsonValue, schema: SchemaType | undefined, counter: { leftOut: number }): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => reduce(item, schema?.type === 'list' ? schema.item : undefined, counter));
  const out: JsonObject = {};
  // A structure's members by the schema; a map's keys are data (attributes, tags), never matched.
  const members = schema?.type === 'structure' ? structureMembers(schema.name) : undefined;
  for (const key of Object.keys(value)) {
    const child = members ? members.get(key) : schema?.type === 'map' ? schema.value : undefined;
    const v = value[key];
    if (members && v !== null && leavesOut(schema, key, child)) {
      counter.leftOut += 1;
      setOwn(out, key, alwaysDifferingPlaceholder);
    } else {
      setOwn(out, key, reduce(v, child, counter));
    }
  }
  return out;
}

function isObject(value: JsonValue): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
