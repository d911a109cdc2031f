// Cities the demo's scans come from. Coordinates are rounded to 0.1°, as genuine stores them.

export interface Place {
  country: string;
  region: string;
  latitude: number;
  longitude: number;
}

export const places: readonly Place[] = [
  { country: "DE", region: "Berlin", latitude: 52.5, longitude: 13.4 },
  { country: "DE", region: "Bavaria", latitude: 48.1, longitude: 11.6 },
  { country: "DE", region: "Hamburg", latitude: 53.6, longitude: 10.0 },
  { country: "FR", region: "Île-de-France", latitude: 48.9, longitude: 2.4 },
  { country: "FR", region: "Auvergne-Rhône-Alpes", latitude: 45.8, longitude: 4.8 },
  { country: "AT", region: "Vienna", latitude: 48.2, longitude: 16.4 },
  { country: "NL", region: "North Holland", latitude: 52.4, longitude: 4.9 },
  { country: "US", region: "New York", latitude: 40.7, longitude: -74.0 },
  { country: "US", region: "Illinois", latitude: 41.9, longitude: -87.6 },
  { country: "US", region: "California", latitude: 34.1, longitude: -118.2 },
  { country: "IT", region: "Lombardy", latitude: 45.5, longitude: 9.2 },
  { country: "JP", region: "Tokyo", latitude: 35.7, longitude: 139.7 },
  { country: "AE", region: "Dubai", latitude: 25.2, longitude: 55.3 },
  { country: "GB", region: "England", latitude: 51.5, longitude: -0.1 },
  { country: "CN", region: "Shanghai", latitude: 31.2, longitude: 121.5 },
  { country: "NG", region: "Lagos", latitude: 6.5, longitude: 3.4 },
  { country: "BR", region: "São Paulo", latitude: -23.6, longitude: -46.6 },
  { country: "TR", region: "Istanbul", latitude: 41.0, longitude: 29.0 },
  { country: "TH", region: "Bangkok", latitude: 13.8, longitude: 100.5 },
  { country: "IN", region: "Maharashtra", latitude: 19.1, longitude: 72.9 },
  { country: "MX", region: "Mexico City", latitude: 19.4, longitude: -99.1 },
];

export function placesIn(country: string): Place[] {
  return places.filter((p) => p.country === country);
}
