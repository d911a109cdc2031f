// Structural checks of sensorElementList (EPCIS 2.0 sensor data), mirroring the official schema.
import type { CheckContext } from "./check-context";
import { HEX_BINARY, isUri } from "./formats";
import { arrayOf, checkString, checkTime, checkUri, objectCheck, type Check } from "./structure-parts";

// GS1 Web Vocabulary measurement types (gs1:MeasurementType), as listed by EPCIS 2.0.
const MEASUREMENT_TYPES: ReadonlySet<string> = new Set(
  ("AbsoluteHumidity AbsorbedDose AbsorbedDoseRate Acceleration Radioactivity Altitude AmountOfSubstance " +
    "AmountOfSubstancePerUnitVolume Angle AngularAcceleration AngularMomentum AngularVelocity Area Capacitance " +
    "Conductance Conductivity Count Density Dimensionless DoseEquivalent DoseEquivalentRate DynamicViscosity " +
    "ElectricCharge ElectricCurrent ElectricCurrentDensity ElectricFieldStrength Energy Exposure Force Frequency " +
    "Illuminance Inductance Irradiance KinematicViscosity Length LinearMomentum Luminance LuminousFlux " +
    "LuminousIntensity MagneticFlux MagneticFluxDensity MagneticVectorPotential Mass MassConcentration MassFlowRate " +
    "MassPerAreaTime MemoryCapacity MolalityOfSolute MolarEnergy MolarMass MolarVolume Power Pressure RadiantFlux " +
    "RadiantIntensity RelativeHumidity Resistance Resistivity SolidAngle SpecificVolume Speed SurfaceDensity " +
    "SurfaceTension Temperature Time Torque Voltage Volume VolumeFlowRate VolumeFraction VolumetricFlux Wavenumber").split(" "),
);
const ALERT_TYPES: ReadonlySet<string> = new Set(["ALARM_CONDITION", "ERROR_CONDITION"]);
const COMPONENTS: ReadonlySet<string> = new Set(
  "x y z axial_distance azimuth height spherical_radius polar_angle elevation_angle easting northing latitude longitude altitude".split(" "),
);

// The schema keeps GS1 Web Vocabulary URIs out of the "other URI" branch: those must use the bare names.
const GS1_WEB_VOC = /^https?:\/\/(?:www\.)?gs1\.org\/voc\//;
const CBV_URI = /^(?:urn:epcglobal:cbv|https?:\/\/ns\.gs1\.org\/cbv\/)/;

function codeOrUri(codes: ReadonlySet<string>, excluded: RegExp, what: string): Check {
  return (value: unknown, pointer: string, ctx: CheckContext) => {
    if (typeof value === "string" && (codes.has(value) || (isUri(value) && !excluded.test(value)))) return;
    ctx.report(pointer, `must be a ${what} or an extension URI`);
  };
}

const checkDecimal: Check = (value, pointer, ctx) => {
  if (typeof value !== "number") ctx.report(pointer, "must be a number");
};

const sensorMetadata = objectCheck({
  fields: {
    time: checkTime, deviceID: checkUri, deviceMetadata: checkUri, rawData: checkUri, startTime: checkTime,
    endTime: checkTime, dataProcessingMethod: checkUri, bizRules: checkUri,
  },
  closed: "uri",
});

const sensorReport = objectCheck({
  fields: {
    type: codeOrUri(MEASUREMENT_TYPES, GS1_WEB_VOC, "GS1 measurement type"),
    exception: codeOrUri(ALERT_TYPES, GS1_WEB_VOC, "sensor alert type"),
    deviceID: checkUri, deviceMetadata: checkUri, rawData: checkUri, dataProcessingMethod: checkUri, bizRules: checkUri,
    time: checkTime, microorganism: checkUri, chemicalSubstance: checkUri, coordinateReferenceSystem: checkUri,
    value: checkDecimal, component: codeOrUri(COMPONENTS, CBV_URI, "sensor component"), stringValue: checkString,
    booleanValue: (v, p, c) => (typeof v === "boolean" ? undefined : c.report(p, "must be a boolean")),
    hexBinaryValue: (v, p, c) => (typeof v === "string" && HEX_BINARY.test(v) ? undefined : c.report(p, "must be hexadecimal")),
    uriValue: checkUri, minValue: checkDecimal, maxValue: checkDecimal, meanValue: checkDecimal, sDev: checkDecimal,
    percRank: checkDecimal, percValue: checkDecimal, uom: checkString,
  },
  required: ["type"],
  closed: "uri",
});

const sensorElement = objectCheck({
  fields: { sensorMetadata, sensorReport: arrayOf(sensorReport, 1) },
  required: ["sensorReport"],
  closed: "uri",
});

export const checkSensorElementList = arrayOf(sensorElement);
