// The Resolver Description File served at /.well-known/gs1resolver (GS1-Conformant Resolver 1.2.0, property
// names as in its description-file-schema: https://ref.gs1.org/standards/resolver/1.2.0/description-file-schema).
import { LINKSET_CONTEXT_URL } from "./link-header";
import { GS1_PREFIX, GS1_VOC_NAMESPACE } from "./link-types";

/** Primary keys the schema enumerates; "all" says every GS1 primary key is supported. */
export const DESCRIPTION_PRIMARY_KEYS = [
  "all", "01", "8006", "8013", "8010", "410", "411", "412", "413", "414", "415", "417", "8017", "8018", "255", "00", "253", "401", "402", "8003", "8004",
] as const;
export type DescriptionPrimaryKey = (typeof DESCRIPTION_PRIMARY_KEYS)[number];

export interface ResolverContact {
  readonly fn?: string;
  readonly hasTelephone?: string;
  readonly hasEmail?: string;
}

export interface ResolverDescriptionInput {
  /** Origin (and path prefix, if any) the resolver answers at: "https://id.brand.example". */
  readonly resolverRoot: string;
  readonly name: string;
  /** Default ["all"]: lib/gs1 parses every primary key of the syntax dictionary. */
  readonly supportedPrimaryKeys?: readonly DescriptionPrimaryKey[];
  /** Context values the brands' links use ("us", "dscsaSaleableReturn", …). */
  readonly supportedContextValuesEnumerated?: readonly string[];
  readonly supportedContextValuesExternal?: readonly { readonly nameOfList: string; readonly url: string }[];
  readonly contact?: ResolverContact;
}

export interface ResolverDescription {
  readonly name: string;
  readonly resolverRoot: string;
  readonly supportedPrimaryKeys: readonly DescriptionPrimaryKey[];
  readonly supportedLinkType: readonly { readonly namespace: string; readonly prefix: string }[];
  readonly linkTypeDefaultCanBeLinkset: boolean;
  readonly jsonLdContextLocation: string;
  readonly supportedContextValuesEnumerated?: readonly string[];
  readonly supportedContextValuesExternal?: readonly { readonly nameOfList: string; readonly url: string }[];
  readonly contact?: ResolverContact;
}

export type ResolverDescriptionResult =
  | { readonly ok: true; readonly value: ResolverDescription }
  | { readonly ok: false; readonly error: { readonly code: "invalid-resolver-root"; readonly message: string } };

/**
 * The description file ("The resolver SHALL provide a resolver description file at /.well-known/gs1resolver";
 * "The list of supported primary identifiers SHALL be provided"; "A context file … SHOULD be declared"; check rdFile).
 * linkTypeDefaultCanBeLinkset is false: a plain request always redirects to a default link.
 */
export function buildResolverDescription(input: ResolverDescriptionInput): ResolverDescriptionResult {
  let root: URL;
  try {
    root = new URL(input.resolverRoot);
  } catch {
    return { ok: false, error: { code: "invalid-resolver-root", message: "resolverRoot must be an absolute URL." } };
  }
  if (root.protocol !== "https:" || root.search !== "" || root.hash !== "" || root.username !== "" || root.password !== "") {
    return { ok: false, error: { code: "invalid-resolver-root", message: "resolverRoot must be an https URL without query, fragment or user information." } };
  }
  const resolverRoot = `${root.origin}${root.pathname === "/" ? "" : root.pathname.replace(/\/$/, "")}`;
  return {
    ok: true,
    value: {
      name: input.name,
      resolverRoot,
      supportedPrimaryKeys: input.supportedPrimaryKeys ?? ["all"],
      supportedLinkType: [{ namespace: GS1_VOC_NAMESPACE, prefix: GS1_PREFIX }],
      linkTypeDefaultCanBeLinkset: false,
      jsonLdContextLocation: LINKSET_CONTEXT_URL,
      ...(input.supportedContextValuesEnumerated?.length ? { supportedContextValuesEnumerated: input.supportedContextValuesEnumerated } : {}),
      ...(input.supportedContextValuesExternal?.length ? { supportedContextValuesExternal: input.supportedContextValuesExternal } : {}),
      ...(input.contact ? { contact: input.contact } : {}),
    },
  };
}
