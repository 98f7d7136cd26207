/** 1_234_567 → "1.2 M", 7_610_000_000 → "7.6 B": model sizes as model cards write them. */
export function formatParameterCount(count: number): string {
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, unit] of units) {
    if (count >= size) {
      const value = count / size;
      return `${value >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
    }
  }
  return String(count);
}
