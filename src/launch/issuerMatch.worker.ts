// Matches the launch's iss against smart-config.json's issPattern entries off the page's
// thread, so that a pattern that backtracks without end cannot hang the launch page
// (src/launch/issuerMatch.ts stops this worker after a time limit). It says which pattern it is
// about to try, so that the one that hangs can be named.

self.onmessage = (event: MessageEvent<{ patterns: string[]; iss: string }>) => {
  const { patterns, iss } = event.data;
  for (const [index, pattern] of patterns.entries()) {
    self.postMessage({ trying: index });
    if (new RegExp(pattern).test(iss)) {
      self.postMessage({ match: index });
      return;
    }
  }
  self.postMessage({ match: -1 });
};
