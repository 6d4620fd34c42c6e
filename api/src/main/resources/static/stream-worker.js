// Holds one of the dashboard's server-sent event streams in a worker and hands every event to the
// page as a message. The page's main thread only renders; and a stream held here is not a page
// load that never finishes, which tools that wait for a page to go quiet (headless Chromium's
// --virtual-time-budget, for one) would otherwise wait on forever.
//
// The page sends {url, events}: the stream's absolute URL and the event names to forward. The
// worker answers {type: 'open'}, {type: 'error', closed} (closed: the server refused the stream and
// EventSource will not retry) and {type: 'event', name, data}. EventSource itself reconnects after
// a network error and sends Last-Event-ID, so the server resumes where the stream left off.
'use strict';

onmessage = (message) => {
  const { url, events } = message.data;
  const source = new EventSource(url);
  source.onopen = () => postMessage({ type: 'open' });
  source.onerror = () => postMessage({ type: 'error', closed: source.readyState === EventSource.CLOSED });
  for (const name of events) {
    source.addEventListener(name, (e) => postMessage({ type: 'event', name, data: e.data }));
  }
};
