// Options shared by the parsers, named after the equivalent switches of GS1's Syntax Engine.

export interface Gs1Options {
  /** Accept AIs missing from the dictionary (gs1_encoder_setPermitUnknownAIs). Default false. */
  readonly permitUnknownAIs?: boolean;
  /** Pad GTIN-8/12/13 in a DL path (01) to GTIN-14 (gs1_encoder_setPermitZeroSuppressedGTINinDLuris). Default false. */
  readonly permitZeroSuppressedGTINinDLuris?: boolean;
  /** Accept deprecated DL path names such as /gtin/ and /ser/. Default false. */
  readonly permitConvenienceAlphas?: boolean;
  /** Reject unknown AIs as DL query attributes (validation gs1_encoder_vUNKNOWN_AI_NOT_DL_ATTR). Default true. */
  readonly validateUnknownAInotDLattr?: boolean;
  /** Run the cross-AI checks: mutually exclusive, requisite, repeated AIs, digital signature key. Default true. */
  readonly validateAssociations?: boolean;
  /** The one cross-AI check GS1 lets callers switch off (gs1_encoder_vREQUISITE_AIS). Default true. */
  readonly validateRequisiteAIs?: boolean;
}

export interface ResolvedOptions {
  readonly permitUnknownAIs: boolean;
  readonly permitZeroSuppressedGTINinDLuris: boolean;
  readonly permitConvenienceAlphas: boolean;
  readonly validateUnknownAInotDLattr: boolean;
  readonly validateAssociations: boolean;
  readonly validateRequisiteAIs: boolean;
}

export function resolveOptions(options: Gs1Options = {}): ResolvedOptions {
  return {
    permitUnknownAIs: options.permitUnknownAIs ?? false,
    permitZeroSuppressedGTINinDLuris: options.permitZeroSuppressedGTINinDLuris ?? false,
    permitConvenienceAlphas: options.permitConvenienceAlphas ?? false,
    validateUnknownAInotDLattr: options.validateUnknownAInotDLattr ?? true,
    validateAssociations: options.validateAssociations ?? true,
    validateRequisiteAIs: options.validateRequisiteAIs ?? true,
  };
}
