// Public API of the resolution core: pure functions from a parsed Digital Link request and stored links to a
// GS1-Conformant Resolver answer. No I/O: routing, the database and scan recording wrap it.
export type { LinksByAnchor, NotFoundReason, ResolutionOutcome, ResolutionRequest, ResolvedLink, ResolverLink, ResolverLinkRow } from "./types";

export { resolve, applicableLevels, type ResolveOptions } from "./resolve";
export { toResolutionRequest, queryParam, type RequestHeaders } from "./resolution-request";
export { candidateAnchors, anchorPath } from "./walk-up";
export { groupLinkRows, indexLinksByAnchor, toLinkRows } from "./link-rows";
export {
  ALL_LINK_TYPES,
  DEFAULT_LINK,
  DEFAULT_LINK_MULTI,
  GS1_VOC_NAMESPACE,
  linkTypeInfo,
  normaliseLinkType,
  parseLinkTypeParam,
  type LinkTypeError,
  type LinkTypeInfo,
  type LinkTypeRequest,
} from "./link-types";
export { acceptsLinkset, LINKSET_MEDIA_TYPE, parseAccept, parseAcceptLanguage, type LanguageRange, type MediaRange } from "./accept-headers";
export { fillHrefTemplate, scanHrefTemplates, templateAi, templateValues, type HrefTemplateError } from "./href-template";
export { appendQuery, keyValuePairs } from "./forward-query";
export {
  buildLinkset,
  describeAnchor,
  publishableLanguages,
  DEFAULT_LINK_URI,
  DEFAULT_LINK_MULTI_URI,
  type LinksetContextObject,
  type LinksetDocument,
  type LinksetLevel,
  type LinksetTarget,
} from "./linkset-document";
export { JSON_LD_CONTEXT_REL, LINKSET_CONTEXT_URL, linksetUrl, resolverLinkHeader, serialiseLink, serialiseLinkHeader, type HeaderLink } from "./link-header";
export { checkHref, MAX_HREF_LENGTH, type HrefCheck, type HrefPolicyError, type HrefPolicyErrorCode } from "./href-policy";
export { parseCeV3, MAX_CE_DOCUMENTS, MAX_CE_LINKS, type CeV3Entry, type CeV3Options, type CeV3Result } from "./ce-v3-import";
export type { CeV3Error, CeV3ErrorCode } from "./ce-v3-errors";
export {
  buildResolverDescription,
  DESCRIPTION_PRIMARY_KEYS,
  type DescriptionPrimaryKey,
  type ResolverContact,
  type ResolverDescription,
  type ResolverDescriptionInput,
  type ResolverDescriptionResult,
} from "./resolver-description";
