/** One printed benchmark figure: a ratio or a per-operation time, with its goal. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  goal: string;
  pass: boolean;
}
