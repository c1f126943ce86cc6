// fhirclient logs through the `debug` package, which prints request URLs and token responses
// when enabled from localStorage. Nothing may reach the console (PHI), so it is a no-op here.
type Debugger = ((...args: unknown[]) => void) & {
  extend: (namespace: string) => Debugger;
  enabled: boolean;
};

function createDebug(): Debugger {
  const log = (() => {}) as Debugger;
  log.extend = () => createDebug();
  log.enabled = false;
  return log;
}

export default createDebug;
