// Module worker: runs the wasm analysis off the main thread.
// In:  {type:'init', module: WebAssembly.Module} | {type:'annotate'|'html', id, text}
// Out: {type:'ready', version} | {type:'result', id, json | value} | {type:'error', id, message}
import init, { initSync, annotate, renderHtml, version } from './pkg/statement_viewer.js';

let ready = false;

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (msg.type === 'init') {
    try {
      if (msg.module) initSync({ module: msg.module }); else await init();
      ready = true;
      self.postMessage({ type: 'ready', version: version() });
    } catch (err) {
      self.postMessage({ type: 'error', id: null, message: String(err?.message || err) });
    }
    return;
  }
  if (!ready) {
    self.postMessage({ type: 'error', id: msg.id, message: 'analysis engine not initialised' });
    return;
  }
  try {
    if (msg.type === 'html') {
      self.postMessage({ type: 'result', id: msg.id, value: renderHtml(msg.text) });
    } else {
      // A JSON string crosses to the page faster than a structured clone of the object tree.
      self.postMessage({ type: 'result', id: msg.id, json: JSON.stringify(annotate(msg.text)) });
    }
  } catch (err) {
    self.postMessage({ type: 'error', id: msg.id, message: String(err?.message || err) });
  }
};
