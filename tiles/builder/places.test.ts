import { describe, expect, it } from 'vitest';
import { classifyPlace, DEFAULT_PARKING_CAPACITY, parkingCapacity } from './places.js';

describe('classifyPlace', () => {
  it.each([
    [{ amenity: 'townhall' }, 'government'],
    [{ office: 'government', name: '市民服务中心' }, 'government'],
    [{ amenity: 'hospital' }, 'hospital'],
    [{ amenity: 'clinic' }, 'hospital'],
    [{ amenity: 'kindergarten' }, 'school'],
    [{ shop: 'mall' }, 'mall'],
    [{ leisure: 'park' }, 'park'],
    [{ amenity: 'parking' }, 'parking'],
    [{ highway: 'bus_stop' }, 'bus_stop'],
    [{ public_transport: 'platform', bus: 'yes' }, 'bus_stop'],
    [{ amenity: 'police' }, 'police'],
    [{ amenity: 'library' }, 'library'],
  ])('%o is a %s', (tags, category) => {
    expect(classifyPlace(tags)?.category).toBe(category);
  });

  it('leaves out what is not a place the sand table shows', () => {
    expect(classifyPlace({ amenity: 'restaurant' })).toBeNull();
    expect(classifyPlace({ building: 'government' })).toBeNull(); // an unnamed office block is no destination
    expect(classifyPlace({})).toBeNull();
  });
});

describe('parkingCapacity', () => {
  it('takes the capacity tag, else estimates from area (× storeys for a car park building), else a default', () => {
    expect(parkingCapacity({ capacity: '120' }, 5000)).toEqual({ capacity: 120, capacity_source: 'tag' });
    expect(parkingCapacity({}, 2500)).toEqual({ capacity: 100, capacity_source: 'area' });
    expect(parkingCapacity({ parking: 'multi-storey', 'building:levels': '4' }, 2500)).toEqual({ capacity: 400, capacity_source: 'area' });
    expect(parkingCapacity({ capacity: 'lots' }, null)).toEqual({ capacity: DEFAULT_PARKING_CAPACITY, capacity_source: 'default' });
  });
});
