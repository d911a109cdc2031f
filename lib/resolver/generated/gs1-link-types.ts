/*
 * Generated from the GS1 Web Vocabulary link types (every property whose rdfs:subPropertyOf is gs1:linkType),
 * source: gs1/WebVoc v1.16/gs1Voc.jsonld @f8f407bf717233c871dca2f62f4e45b0940e8cad (Apache-2.0)
 * Copyright GS1 AISBL, licensed under the Apache License, Version 2.0
 * (http://www.apache.org/licenses/LICENSE-2.0). Modified: reduced to name, label and deprecation status.
 */

// GENERATED FILE - do not edit. Regenerate with: npx tsx scripts/resolver-generate-link-types.ts

export interface Gs1LinkTypeEntry {
  /** Local name in the GS1 vocabulary: "pip" is gs1:pip, https://gs1.org/voc/pip. */
  readonly name: string;
  readonly label: string;
  readonly deprecated: boolean;
}

export const GS1_LINK_TYPES: readonly Gs1LinkTypeEntry[] = [
  { name: "activityIdeas", label: "Activity Ideas", deprecated: false },
  { name: "allergenInfo", label: "Allergen information", deprecated: false },
  { name: "appDownload", label: "App download", deprecated: false },
  { name: "backgroundInfo", label: "Background Information", deprecated: false },
  { name: "brandHomepageClinical", label: "Information for professionals about this brand", deprecated: false },
  { name: "brandHomepagePatient", label: "Information for patients about this brand", deprecated: false },
  { name: "careersInfo", label: "Careers information", deprecated: false },
  { name: "certificationInfo", label: "Certification Information", deprecated: false },
  { name: "consumerHandlingStorageInfo", label: "Consumer handling and storage information", deprecated: false },
  { name: "defaultLink", label: "Default link", deprecated: false },
  { name: "defaultLinkMulti", label: "Default linkMulti", deprecated: false },
  { name: "dpp", label: "Digital Product Passport", deprecated: false },
  { name: "eifu", label: "Electronic Instructions For Use", deprecated: false },
  { name: "epcis", label: "EPC Information Services (EPCIS) repository", deprecated: false },
  { name: "epil", label: "Electronic Patient Information Leaflet", deprecated: false },
  { name: "eventsInfo", label: "Events information", deprecated: false },
  { name: "faqs", label: "Frequently Asked Questions", deprecated: false },
  { name: "handledBy", label: "Handled by", deprecated: false },
  { name: "hasRetailers", label: "Has Retailers", deprecated: false },
  { name: "homepage", label: "Organisation Information Page", deprecated: false },
  { name: "ingredientsInfo", label: "Ingredients information", deprecated: false },
  { name: "instructions", label: "Instructions", deprecated: false },
  { name: "jws", label: "JSON Web Signature", deprecated: false },
  { name: "leaveReview", label: "Leave a review", deprecated: false },
  { name: "locationInfo", label: "Location information", deprecated: false },
  { name: "logisticsInfo", label: "Logistics information", deprecated: false },
  { name: "loyaltyProgram", label: "Loyalty program", deprecated: false },
  { name: "masterData", label: "Master data", deprecated: false },
  { name: "menuInfo", label: "Menu information", deprecated: false },
  { name: "nutritionalInfo", label: "Nutritional Information", deprecated: false },
  { name: "openingHoursInfo", label: "Opening hours information", deprecated: false },
  { name: "paymentLink", label: "Make Payment", deprecated: false },
  { name: "pip", label: "Product Information Page", deprecated: false },
  { name: "productSustainabilityInfo", label: "Sustainability and recycling (deprecated)", deprecated: true },
  { name: "promotion", label: "Promotion", deprecated: false },
  { name: "purchaseSuppliesOrAccessories", label: "Purchase supplies or accessories", deprecated: false },
  { name: "quickStartGuide", label: "Quick start guide", deprecated: false },
  { name: "recallStatus", label: "Recall status", deprecated: false },
  { name: "recipeInfo", label: "Recipe website", deprecated: false },
  { name: "registerProduct", label: "Register purchase", deprecated: false },
  { name: "registryEntry", label: "Entry in a register", deprecated: false },
  { name: "relatedImage", label: "Related image", deprecated: false },
  { name: "relatedVideo", label: "Related  video", deprecated: false },
  { name: "reportFound", label: "Report  found", deprecated: false },
  { name: "review", label: "Reviews", deprecated: false },
  { name: "safetyInfo", label: "Safety information", deprecated: false },
  { name: "scheduleTime", label: "Scheduling/Reservation", deprecated: false },
  { name: "serviceInfo", label: "Service information", deprecated: false },
  { name: "smartLabel", label: "SmartLabel", deprecated: false },
  { name: "smpc", label: "Summary Product Characteristics (SmPC)", deprecated: false },
  { name: "socialMedia", label: "Social media", deprecated: false },
  { name: "statisticInfo", label: "Statistics", deprecated: false },
  { name: "subscribe", label: "Subscribe", deprecated: false },
  { name: "support", label: "Support", deprecated: false },
  { name: "sustainabilityInfo", label: "Sustainability and recycling", deprecated: false },
  { name: "traceability", label: "Traceability information", deprecated: false },
  { name: "tutorial", label: "Tutorial", deprecated: false },
  { name: "userAgreement", label: "Sign waiver/agreement/document", deprecated: false },
  { name: "verificationService", label: "Verification Service", deprecated: false },
  { name: "whatsInTheBox", label: "What's in the box?", deprecated: false },
];
