// fhirclient logs through the `debug` package, which prints request URLs and token responses
// when enabled from localStorage. Nothing may reach the console (PHI), so it is a no-op here.
// CommonJS because fhirclient calls the value of require("debug") directly.
function createDebug() {
  const log = function () {};
  log.extend = createDebug;
  log.enabled = false;
  return log;
}
module.exports = createDebug;
