// Public API of the EPCIS 2.0 core: validation, normalisation, identifiers, ILMD and event identity.
export type { EpcisError, EpcisEvent, EventAction, EventType, JsonRecord, ParsedDocument } from "./types";
export { EVENT_TYPES } from "./types";
export {
  validateEpcisDocument, validateEpcisEvent, type DocumentValidation, type EventValidation, type ValidationOptions,
} from "./validate-document";
export { normaliseEvent, type NormalisedEvent, type SourceOrDestination } from "./normalise-event";
export {
  extractObjectIdentifiers, identifiersOutsidePrefixes, keyFromCompanyPrefix, ownedByPrefixes, parseObjectIdentifier,
  type IdentifierRole, type ObjectIdentifier, type ParsedIdentifier,
} from "./identifiers";
export { readIlmd, type IlmdData } from "./ilmd";
export { canonicalEventHash, canonicalEventText, CANONICAL_HASH_VERSION, eventIdentity } from "./event-hash";
export { BIZ_STEPS, DISPOSITIONS, normaliseVocabulary, readVocabulary, type CbvVocabulary } from "./cbv-vocabulary";
export { isUri, parseDateTime, TIME_ZONE_OFFSET } from "./formats";
