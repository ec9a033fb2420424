// The part of d3-time we use (the package ships no types).
declare module 'd3-time' {
  interface Interval {
    offset(date: Date, step?: number): Date;
    floor(date: Date): Date;
  }
  export const utcDay: Interval;
  export const utcMonth: Interval;
}
