// The `sparklines` package (mariusGundersen/sparkline) ships no types: what OrbDeck uses of it.
declare module 'sparklines' {
  export interface SparklineOptions {
    width?: number;
    height?: number | null;
    lineColor?: string;
    lineWidth?: number;
    startColor?: string;
    endColor?: string;
    maxColor?: string;
    minColor?: string;
    minValue?: number | null;
    maxValue?: number | null;
    dotRadius?: number;
    tooltip?: ((value: number, index: number, points: number[]) => string) | null;
    fillBelow?: boolean;
    /** Lightens (> 0, with white) or darkens (< 0, with black) the area below the line. */
    fillLighten?: number;
  }
  export default class Sparkline {
    constructor(element: HTMLElement, options?: SparklineOptions);
    draw(points: number[]): void;
    static draw(element: HTMLElement, points: number[], options?: SparklineOptions): Sparkline;
  }
}
