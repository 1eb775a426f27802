import { describe, expect, it } from 'vitest';
import { fitWithin, jpegNameOf } from './image.scale.ts';

describe('photo scaling', () => {
  it('fits the long edge within 2,000 px keeping the ratio, never enlarging', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 2000, height: 1500 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1500, height: 2000 });
    expect(fitWithin(1200, 800)).toEqual({ width: 1200, height: 800 });
    expect(fitWithin(9000, 10)).toEqual({ width: 2000, height: 2 });
  });

  it('names the scaled photo as a JPEG', () => {
    expect(jpegNameOf('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegNameOf('boiler.front.png')).toBe('boiler.front.jpg');
    expect(jpegNameOf('.png')).toBe('photo.jpg');
  });
});
