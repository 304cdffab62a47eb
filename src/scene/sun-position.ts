/** Engine-free sun elevation (NOAA's simplified solar position), for day/night styling. */

const DEG = Math.PI / 180;

/** Sun elevation above the horizon in degrees at a place and instant (accurate to ~0.5°). */
export function sunElevationDeg(timeMs: number, lonDeg: number, latDeg: number): number {
  const days = timeMs / 86_400_000 + 2_440_587.5 - 2_451_545.0; // days since J2000
  const meanLongitude = (280.46 + 0.9856474 * days) % 360;
  const meanAnomaly = ((357.528 + 0.9856003 * days) % 360) * DEG;
  const eclipticLongitude = (meanLongitude + 1.915 * Math.sin(meanAnomaly) + 0.02 * Math.sin(2 * meanAnomaly)) * DEG;
  const obliquity = (23.439 - 0.0000004 * days) * DEG;
  const declination = Math.asin(Math.sin(obliquity) * Math.sin(eclipticLongitude));
  const rightAscension = Math.atan2(Math.cos(obliquity) * Math.sin(eclipticLongitude), Math.cos(eclipticLongitude));
  const siderealDeg = (280.46061837 + 360.98564736629 * days + lonDeg) % 360;
  const hourAngle = siderealDeg * DEG - rightAscension;
  const lat = latDeg * DEG;
  const sinElevation = Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
  return Math.asin(Math.max(-1, Math.min(1, sinElevation))) / DEG;
}

/** How much night it is, 0 (sun above 6°) to 1 (sun below -6°, civil dusk), linear between. */
export function nightFactor(sunElevation: number): number {
  return Math.max(0, Math.min(1, (6 - sunElevation) / 12));
}
