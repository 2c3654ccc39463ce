/** The part of autocannon's API the load script uses (the package ships no types). */
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  }
  export interface Client {
    setHeaders(headers: Record<string, string>): void;
    setRequest(request: { path?: string; headers?: Record<string, string>; method?: string }): void;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    headers?: Record<string, string>;
    /** Called with each connection's client before it starts: give it headers or a path of its own. */
    setupClient?: (client: Client) => void;
    /** A run before the measured one, not counted. */
    warmup?: { connections?: number; duration?: number };
  }
  interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    latency: Histogram;
    requests: Histogram;
    throughput: Histogram;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
